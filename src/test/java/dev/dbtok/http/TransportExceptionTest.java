package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Short causes for the IOExceptions OkHttp throws, and the {@code <Op> "<url>": <cause>} shape. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransportExceptionTest {
    private static final HttpUrl URL = HttpUrl.get("https://dbc-1.cloud.databricks.com/api/2.0/token/list");

    private static <T extends Throwable> T causedBy(T outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    private static void assertCause(IOException e, TransportException.Kind kind, String cause) {
        assertEquals(kind, TransportException.classify(e));
        assertEquals(cause, TransportException.describe(e, URL));
    }

    @Nested
    class Message {
        @Test
        void should_read_op_quoted_url_with_query_and_cause() {
            Request request = new Request.Builder()
                    .url("https://x/api/2.0/workspace-conf?keys=a%2Cb").get().build();
            TransportException e = TransportException.of(request, new UnknownHostException("x"));
            assertEquals("Get \"https://x/api/2.0/workspace-conf?keys=a%2Cb\": lookup x: no such host", e.getMessage());
            assertEquals("GET", e.method());
            assertEquals("https://x/api/2.0/workspace-conf?keys=a%2Cb", e.url());
            assertEquals(TransportException.Kind.UNKNOWN_HOST, e.kind());
        }

        @Test
        void should_name_every_method_like_go() {
            assertEquals("Get", TransportException.operation("GET"));
            assertEquals("Post", TransportException.operation("POST"));
            assertEquals("Patch", TransportException.operation("PATCH"));
            assertEquals("Put", TransportException.operation("PUT"));
            assertEquals("Delete", TransportException.operation("DELETE"));
        }

        @Test
        void should_keep_the_io_exception_as_cause() {
            IOException io = new EOFException();
            Request request = new Request.Builder().url(URL).build();
            assertSame(io, TransportException.of(request, io).getCause());
        }

        @Test
        void should_drop_user_info_from_the_url() {
            Request request = new Request.Builder().url("https://u:SECRET@x/api").build();
            TransportException e = TransportException.of(request, new EOFException());
            assertEquals("Get \"https://x/api\": EOF", e.getMessage());
        }
    }

    @Nested
    class Not_sent_yet {
        @Test
        void should_call_okhttps_wrapped_refusal_connection_refused() {
            IOException e = causedBy(new ConnectException("Failed to connect to /127.0.0.1:1"),
                    new ConnectException("Connection refused"));
            assertCause(e, TransportException.Kind.CONNECTION_REFUSED, "connect: connection refused");
        }

        @Test
        void should_report_no_route_and_unreachable_networks() {
            assertCause(new NoRouteToHostException("No route to host"),
                    TransportException.Kind.NO_ROUTE_TO_HOST, "connect: no route to host");
            assertCause(causedBy(new ConnectException("Failed to connect to /10.0.0.1:443"),
                            new ConnectException("Network is unreachable")),
                    TransportException.Kind.NO_ROUTE_TO_HOST, "connect: network is unreachable");
        }

        @Test
        void should_report_a_connect_timeout() {
            assertCause(new SocketTimeoutException("Connect timed out"),
                    TransportException.Kind.CONNECT_TIMEOUT, "connect: i/o timeout");
        }

        @Test
        void should_report_an_unknown_host_with_the_url_host() {
            assertCause(new UnknownHostException("dbc-1.cloud.databricks.com: Name or service not known"),
                    TransportException.Kind.UNKNOWN_HOST, "lookup dbc-1.cloud.databricks.com: no such host");
        }

        @Test
        void should_report_tls_failures() {
            assertCause(causedBy(new SSLHandshakeException("PKIX path building failed"),
                            new CertificateException("unable to find valid certification path to requested target")),
                    TransportException.Kind.TLS_HANDSHAKE,
                    "tls: failed to verify certificate: unable to find valid certification path to requested target");
            assertCause(new SSLPeerUnverifiedException("Hostname x not verified"),
                    TransportException.Kind.TLS_HANDSHAKE, "tls: certificate is not valid for dbc-1.cloud.databricks.com");
            assertCause(new SSLException("Unsupported or unrecognized SSL message"),
                    TransportException.Kind.TLS_HANDSHAKE, "tls: first record does not look like a TLS handshake");
            assertCause(new SSLHandshakeException("Received fatal alert: handshake_failure"),
                    TransportException.Kind.TLS_HANDSHAKE, "tls: handshake failure: Received fatal alert: handshake_failure");
        }

        @Test
        void should_mark_these_as_never_sent() {
            for (TransportException.Kind kind : new TransportException.Kind[] {
                    TransportException.Kind.CONNECTION_REFUSED, TransportException.Kind.NO_ROUTE_TO_HOST,
                    TransportException.Kind.CONNECT_TIMEOUT, TransportException.Kind.UNKNOWN_HOST,
                    TransportException.Kind.TLS_HANDSHAKE}) {
                assertFalse(kind.mayHaveBeenSent(), kind.name());
            }
        }
    }

    @Nested
    class Maybe_sent {
        @Test
        void should_report_read_timeouts_as_io_timeout() {
            assertCause(new SocketTimeoutException("timeout"), TransportException.Kind.TIMEOUT, "i/o timeout");
            assertCause(new SocketTimeoutException("Read timed out"), TransportException.Kind.TIMEOUT, "i/o timeout");
            assertCause(new InterruptedIOException("timeout"), TransportException.Kind.TIMEOUT, "i/o timeout");
        }

        @Test
        void should_report_resets_and_broken_pipes() {
            assertCause(new SocketException("Connection reset"),
                    TransportException.Kind.CONNECTION_RESET, "read: connection reset by peer");
            assertCause(new SocketException("Broken pipe (Write failed)"),
                    TransportException.Kind.CONNECTION_RESET, "write: broken pipe");
        }

        @Test
        void should_report_an_early_end_of_stream_as_eof() {
            assertCause(new IOException("unexpected end of stream on http://127.0.0.1:1/..."),
                    TransportException.Kind.EOF, "EOF");
            assertCause(new EOFException("\\n not found: limit=0 content=…"), TransportException.Kind.EOF, "EOF");
        }

        @Test
        void should_fall_back_to_the_message_or_the_type() {
            assertCause(new IOException("Canceled"), TransportException.Kind.OTHER, "Canceled");
            assertCause(new IOException(), TransportException.Kind.OTHER, "IOException");
            assertCause(new SSLException("Tag mismatch"), TransportException.Kind.OTHER, "tls: Tag mismatch");
        }

        @Test
        void should_mark_these_as_maybe_sent() {
            for (TransportException.Kind kind : new TransportException.Kind[] {
                    TransportException.Kind.TIMEOUT, TransportException.Kind.CONNECTION_RESET,
                    TransportException.Kind.EOF, TransportException.Kind.OTHER}) {
                assertTrue(kind.mayHaveBeenSent(), kind.name());
            }
        }
    }
}
