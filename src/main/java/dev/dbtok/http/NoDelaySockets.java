package dev.dbtok.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * The sockets of dbtok's HTTP clients, with Nagle's algorithm off ({@code TCP_NODELAY}), as curl and Go's HTTP client
 * have it.
 *
 * <p>Why: over TLS 1.3 the client's handshake {@code Finished} and its request go out as two small writes. With Nagle
 * on, the kernel holds the request until the server acknowledges {@code Finished}, which a server that delays its
 * acknowledgements does only after up to 40 ms: every https command of dbtok opens one connection and paid that wait
 * once. A command-line client sends each request whole and waits for the answer, so it has nothing to gain from
 * Nagle's coalescing.
 */
final class NoDelaySockets extends SocketFactory {
    static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private final SocketFactory system = SocketFactory.getDefault();

    private NoDelaySockets() {
    }

    /** OkHttp's only call: an unconnected socket, which it connects itself. */
    @Override
    public Socket createSocket() throws IOException {
        return noDelay(system.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(system.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(system.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(system.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(system.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        try {
            socket.setTcpNoDelay(true);
        } catch (SocketException e) {
            socket.close(); // not handed out, so closed here
            throw e;
        }
        return socket;
    }
}
