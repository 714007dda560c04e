package dev.dbtok.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * No response arrived: the request failed on the way (http.md §4). The message reads
 * {@code <Op> "<url with query>": <cause>}, e.g. {@code Get "https://x/api/2.0/token/list": lookup x: no such host},
 * where {@code <Op>} is {@code Get}, {@code Post}, {@code Patch}, {@code Put} or {@code Delete}.
 */
public final class TransportException extends DatabricksException {
    private static final long serialVersionUID = 1L;


    /** What went wrong, and whether the request may have reached the server (the retry rules of http.md §6 need it). */
    public enum Kind {
        CONNECTION_REFUSED(false),
        NO_ROUTE_TO_HOST(false),
        CONNECT_TIMEOUT(false),
        UNKNOWN_HOST(false),
        TLS_HANDSHAKE(false),
        TIMEOUT(true),
        CONNECTION_RESET(true),
        EOF(true),
        OTHER(true);

        private final boolean mayHaveBeenSent;

        Kind(boolean mayHaveBeenSent) {
            this.mayHaveBeenSent = mayHaveBeenSent;
        }

        /** False only when the request certainly never left this machine. */
        public boolean mayHaveBeenSent() {
            return mayHaveBeenSent;
        }
    }

    private final String method;
    private final String url;
    private final Kind kind;
    private final String detail;
    private final boolean requestStarted;

    private TransportException(String method, String url, Kind kind, String detail, boolean requestStarted,
            String message, Throwable e) {
        super(message, e);
        this.method = method;
        this.url = url;
        this.kind = kind;
        this.detail = detail;
        this.requestStarted = requestStarted;
    }

    /** Wraps the failure of {@code request}; the cause is kept for {@code --debug} stack traces. */
    public static TransportException of(Request request, IOException e) {
        return of(request, e, true);
    }

    /**
     * Wraps the failure of {@code request}, knowing whether the request had begun to be written; when it had not,
     * it {@link #mayHaveBeenSent() cannot have been sent}, whatever the kind of failure.
     */
    public static TransportException of(Request request, IOException e, boolean requestStarted) {
        HttpUrl url = request.url();
        String printable = printable(url);
        String detail = describe(e, url);
        return new TransportException(request.method(), printable, classify(e), detail, requestStarted,
                operation(request.method()) + " \"" + printable + "\": " + detail, e);
    }

    /** A copy whose printed message ends with {@code note}, e.g. how many attempts were made. */
    TransportException withNote(String note) {
        return new TransportException(method, url, kind, detail, requestStarted, getMessage() + note, getCause());
    }

    /** The request method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The URL as printed, with its query. */
    public String url() {
        return url;
    }

    public Kind kind() {
        return kind;
    }

    /** The cause as printed after the URL, e.g. {@code connect: connection refused}. */
    public String detail() {
        return detail;
    }

    /**
     * Whether the request may have reached the workspace: false when the {@link #kind() kind} of failure rules it
     * out, or when the failure came before the request began to be written (a TLS handshake timeout, say).
     */
    public boolean mayHaveBeenSent() {
        return requestStarted && kind.mayHaveBeenSent();
    }

    /**
     * A short human wording of an I/O failure, in the style of Go's net errors:
     * {@code connect: connection refused}, {@code i/o timeout}, {@code lookup <host>: no such host}, ...
     * Also used by the HTTP dump ({@code < Error: <cause>}).
     */
    public static String describe(IOException e, HttpUrl url) {
        return switch (classify(e)) {
            case UNKNOWN_HOST -> "lookup " + url.host() + ": no such host";
            case NO_ROUTE_TO_HOST -> has(e, NoRouteToHostException.class::isInstance)
                    ? "connect: no route to host"
                    : "connect: network is unreachable";
            case CONNECTION_REFUSED -> {
                String detail = lowerFirst(innermostMessage(e, ConnectException.class::isInstance));
                yield detail.contains("refused") || detail.isEmpty() || detail.startsWith("failed to connect")
                        ? "connect: connection refused"
                        : "connect: " + detail;
            }
            case CONNECT_TIMEOUT -> "connect: i/o timeout";
            case TIMEOUT -> "i/o timeout";
            case TLS_HANDSHAKE -> tlsCause(e, url);
            case CONNECTION_RESET -> {
                if (has(e, t -> t.getClass().getSimpleName().equals("StreamResetException"))) {
                    yield "stream error: " + lowerFirst(innermostMessage(e, t -> true));
                }
                yield has(e, t -> messageContains(t, "broken pipe"))
                        ? "write: broken pipe"
                        : "read: connection reset by peer";
            }
            case EOF -> "EOF";
            case OTHER -> {
                if (find(e, SSLException.class::isInstance) != null) {
                    yield "tls: " + innermostMessage(e, SSLException.class::isInstance);
                }
                String message = e.getMessage();
                yield message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
            }
        };
    }

    static Kind classify(IOException e) {
        if (has(e, UnknownHostException.class::isInstance)) {
            return Kind.UNKNOWN_HOST;
        }
        if (has(e, NoRouteToHostException.class::isInstance)
                || has(e, t -> t instanceof ConnectException && messageContains(t, "unreachable"))) {
            return Kind.NO_ROUTE_TO_HOST;
        }
        if (has(e, ConnectException.class::isInstance)) {
            return Kind.CONNECTION_REFUSED;
        }
        if (has(e, t -> t instanceof SocketTimeoutException && messageContains(t, "connect timed out"))) {
            return Kind.CONNECT_TIMEOUT;
        }
        if (has(e, t -> t instanceof SocketTimeoutException
                || t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
            return Kind.TIMEOUT;
        }
        if (has(e, t -> t instanceof SSLHandshakeException || t instanceof SSLPeerUnverifiedException
                || t instanceof SSLException && messageContains(t, "unrecognized ssl message"))) {
            return Kind.TLS_HANDSHAKE;
        }
        if (has(e, t -> t.getClass().getSimpleName().equals("StreamResetException")
                || t instanceof SocketException && (messageContains(t, "connection reset") || messageContains(t, "broken pipe")))) {
            return Kind.CONNECTION_RESET;
        }
        if (has(e, t -> t instanceof EOFException || messageContains(t, "unexpected end of stream"))) {
            return Kind.EOF;
        }
        return Kind.OTHER;
    }

    private static String tlsCause(IOException e, HttpUrl url) {
        if (has(e, SSLPeerUnverifiedException.class::isInstance)) {
            return "tls: certificate is not valid for " + url.host();
        }
        if (has(e, GeneralSecurityException.class::isInstance)) {
            return "tls: failed to verify certificate: "
                    + innermostMessage(e, GeneralSecurityException.class::isInstance);
        }
        if (has(e, t -> messageContains(t, "unrecognized ssl message"))) {
            return "tls: first record does not look like a TLS handshake";
        }
        return "tls: handshake failure: " + innermostMessage(e, SSLException.class::isInstance);
    }

    /** {@code GET} → {@code Get}, as Go prints it. */
    static String operation(String method) {
        return method.isEmpty() ? method : method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The URL with its query; user info, if any ever got there, is dropped. */
    private static String printable(HttpUrl url) {
        return url.newBuilder().username("").password("").build().toString();
    }

    private static boolean has(Throwable e, Predicate<Throwable> test) {
        return find(e, test) != null;
    }

    private static Throwable find(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    /** The message of the deepest throwable in the chain that passes {@code test}, or {@code ""}. */
    private static String innermostMessage(Throwable e, Predicate<Throwable> test) {
        String message = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t) && t.getMessage() != null && !t.getMessage().isEmpty()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static boolean messageContains(Throwable t, String lowerCaseText) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
