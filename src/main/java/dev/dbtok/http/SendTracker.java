package dev.dbtok.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * Whether one attempt began to write its request. Attached to the attempt's request as a tag; OkHttp reports the
 * start of the request headers to {@link #LISTENERS}. Until then the request cannot have reached the workspace
 * (a failed DNS lookup, connect or TLS handshake, even a TLS handshake timeout), so any method may be retried.
 */
final class SendTracker {
    /** Marks the tracker of a call when its request headers start to go out; it keeps no state of its own. */
    private static final EventListener MARKER = new EventListener() {
        @Override
        public void requestHeadersStart(Call call) {
            SendTracker tracker = call.request().tag(SendTracker.class);
            if (tracker != null) {
                tracker.started = true;
            }
        }
    };

    static final EventListener.Factory LISTENERS = call -> MARKER;

    private volatile boolean started;

    /** False only when the request certainly never left this machine. */
    boolean requestStarted() {
        return started;
    }
}
