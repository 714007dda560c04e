import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway HTTPS workspace for the class-data-sharing training runs (src/build/cds.sh): it answers
 * every request with a one-token list, over TLS with the certificate of the given PKCS12 keystore, so
 * that a training run completes a handshake and the archive holds the classes of dbtok's https path.
 * Prints its port, then serves until its stdin closes.
 *
 * <p>Usage: {@code java TlsTrainingServer.java <keystore.p12> <password>}
 */
public final class TlsTrainingServer {
    private static final byte[] BODY = ("{\"token_infos\":[{\"token_id\":\"trained\",\"creation_time\":1700000000000,"
            + "\"expiry_time\":-1,\"comment\":\"cds training\"}]}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        char[] password = args[1].toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(args[0])) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // Serves until the training script closes stdin.
        }
        server.stop(0);
    }
}
