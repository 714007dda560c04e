package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way of making a socket turns Nagle's algorithm off, connected or not. */
class NoDelaySocketsTest {
    @Test
    void every_socket_it_makes_has_tcp_nodelay() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            NoDelaySockets sockets = NoDelaySockets.INSTANCE;
            List<Socket> made = new ArrayList<>();
            try {
                made.add(sockets.createSocket());
                made.add(sockets.createSocket("127.0.0.1", port));
                made.add(sockets.createSocket("127.0.0.1", port, loopback, 0));
                made.add(sockets.createSocket(loopback, port));
                made.add(sockets.createSocket(loopback, port, loopback, 0));
                for (Socket socket : made) {
                    assertTrue(socket.getTcpNoDelay(), socket.toString());
                }
            } finally {
                for (Socket socket : made) {
                    socket.close();
                }
            }
        }
    }
}
