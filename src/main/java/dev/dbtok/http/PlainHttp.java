package dev.dbtok.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Whether credentials for a host would cross the network unencrypted: a plain {@code http://} URL whose
 * host is not this machine. Loopback hosts ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) are
 * exempt: test servers and the local emulator never leave the machine. Names are judged as written;
 * nothing is looked up in DNS.
 */
public final class PlainHttp {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private PlainHttp() {
    }

    /** For a normalised host such as {@code http://10.0.0.5:8080}. */
    public static boolean exposesCredentials(String host) {
        HttpUrl url = host == null ? null : HttpUrl.parse(host);
        return url != null && !url.isHttps() && !isLoopback(url.host());
    }

    static boolean isLoopback(String name) {
        String host = name.toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!IPV4.matcher(host).matches() && !host.contains(":")) {
            return false;
        }
        try {
            // A literal address: getByName parses it without any lookup.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }
}
