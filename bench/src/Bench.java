import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * dbtok's start-up and throughput benchmark. It serves token lists on loopback (plain HTTP and
 * HTTPS with a self-signed certificate), runs each workload and a hello-world class interleaved,
 * and prints medians, ratios to the hello-world median, throughput and peak RSS.
 *
 * <p>Usage: {@code java -cp target/bench Bench <dbtok-launcher> <work-dir> [rounds] [w3-sizes] [baseline-launcher]}
 *
 * <p>With a baseline launcher (another build's {@code bin/dbtok}), every dbtok workload also runs on it, interleaved
 * in the same rounds, so that the two builds are compared under the same machine load.
 */
public final class Bench {
    private static final String TOKEN_ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

    public static void main(String[] args) throws Exception {
        // Without TCP_NODELAY the JDK's HttpsServer held every response ~40 ms (Nagle's algorithm
        // against the client's delayed ACK): time of the server, not of dbtok. Read once, before any server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String dbtok = args[0];
        Path work = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int[] sizes = args.length > 3 ? parseSizes(args[3]) : new int[] {10_000, 100_000, 300_000};
        List<String> launchers = new ArrayList<>(List.of(dbtok));
        if (args.length > 4 && !args[4].isEmpty()) {
            launchers.add(args[4]);
        }
        Files.createDirectories(work);
        Path home = Files.createDirectories(work.resolve("home"));
        String classes = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();

        Map<Integer, byte[]> bodies = new HashMap<>();
        bodies.put(20, tokenList(20, "token_infos"));
        for (int n : sizes) {
            bodies.put(n, tokenList(n, "token_infos"));
        }
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve(http, bodies.get(20), bodies.get(20));
        Path keystore = work.resolve("bench.p12");
        HttpsServer https = httpsServer(keystore);
        serve(https, bodies.get(20), bodies.get(20));
        // One server per W3 size: dbtok asks for a fixed path, so the port decides the size.
        Map<Integer, HttpServer> bySize = new HashMap<>();
        for (int n : sizes) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            serve(server, bodies.get(20), bodies.get(n));
            bySize.put(n, server);
        }
        String plainHost = "http://127.0.0.1:" + http.getAddress().getPort();
        String tlsHost = "https://127.0.0.1:" + https.getAddress().getPort();

        Map<String, String> base = new HashMap<>();
        base.put("HOME", home.toString());
        base.put("PATH", System.getenv("PATH"));
        if (System.getenv("JAVA_HOME") != null) {
            base.put("JAVA_HOME", System.getenv("JAVA_HOME"));
        }
        base.put("DATABRICKS_TOKEN", "dapi-bench");

        List<Workload> startup = new ArrayList<>();
        startup.add(new Workload("hello", List.of("java", "-cp", classes, "Hello"), base, null));
        Map<String, String> tls = with(base, "DATABRICKS_HOST", tlsHost);
        tls.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + keystore + " -Djavax.net.ssl.trustStorePassword=changeit"
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
        for (String launcher : launchers) {
            String tag = tag(launcher, launchers);
            startup.add(new Workload("W1 tokens list -o json (http)" + tag, List.of(launcher, "tokens", "list", "-o", "json"),
                    with(base, "DATABRICKS_HOST", plainHost), null));
            startup.add(new Workload("W1s tokens list -o json (https)" + tag, List.of(launcher, "tokens", "list", "-o", "json"),
                    tls, null));
            startup.add(new Workload("W2 --help" + tag, List.of(launcher, "--help"), base, null));
        }

        System.out.printf(Locale.ROOT, "Start-up: %d interleaved rounds on %s (%s, %d cores)%n", rounds,
                System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors());
        Map<Workload, List<Double>> times = new LinkedHashMap<>();
        for (Workload w : startup) {
            run(w, work); // warm the page cache and check it works
            times.put(w, new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            List<Workload> order = new ArrayList<>(startup);
            Collections.shuffle(order);
            for (Workload w : order) {
                times.get(w).add(run(w, work).millis);
            }
        }
        double hello = median(times.get(startup.get(0)));
        System.out.printf(Locale.ROOT, "%-44s %10s %8s%n", "workload", "median ms", "ratio");
        for (Map.Entry<Workload, List<Double>> e : times.entrySet()) {
            double m = median(e.getValue());
            System.out.printf(Locale.ROOT, "%-44s %10.1f %7.2fx%n", e.getKey().name, m, m / hello);
        }

        System.out.println();
        System.out.println("W3 token-management list, stdout to a file (3 runs each, median; peak RSS is the largest)");
        System.out.println("MB/s run: output over the whole run; MB/s listing: output over the time past that of the same"
                + " command listing 20 tokens (start-up, request, exit)");
        // The fixed cost of a listing, per build and format: the same command with 20 tokens, 5 runs interleaved.
        Map<String, Double> fixed = new HashMap<>();
        for (String format : List.of("json", "text")) {
            Map<String, List<Double>> shortRuns = new HashMap<>();
            for (int r = 0; r < 5; r++) {
                for (String launcher : launchers) {
                    Workload w = new Workload("W3 20", List.of(launcher, "token-management", "list", "-o", format),
                            with(base, "DATABRICKS_HOST", plainHost), work.resolve("w3-20." + format).toFile());
                    shortRuns.computeIfAbsent(launcher, k -> new ArrayList<>()).add(run(w, work).millis);
                }
            }
            for (String launcher : launchers) {
                fixed.put(launcher + " " + format, median(shortRuns.get(launcher)));
            }
        }
        System.out.printf(Locale.ROOT, "%-10s %-6s %-6s %10s %10s %10s %12s %12s%n", "tokens", "format", "build", "median ms",
                "output MB", "MB/s run", "MB/s listing", "peak RSS MB");
        for (int n : sizes) {
            for (String format : List.of("json", "text")) {
                Map<String, String> env = with(base, "DATABRICKS_HOST",
                        "http://127.0.0.1:" + bySize.get(n).getAddress().getPort());
                List<Workload> builds = new ArrayList<>();
                List<String> launcherOf = new ArrayList<>();
                Map<Workload, List<Double>> ms = new LinkedHashMap<>();
                Map<Workload, Long> rss = new HashMap<>();
                for (String launcher : launchers) {
                    Workload w = new Workload("W3" + tag(launcher, launchers),
                            List.of(launcher, "token-management", "list", "-o", format), env,
                            work.resolve("w3-" + n + "." + format + "." + builds.size()).toFile());
                    builds.add(w);
                    launcherOf.add(launcher);
                    ms.put(w, new ArrayList<>());
                    rss.put(w, 0L);
                }
                for (int r = 0; r < 3; r++) {
                    for (Workload w : builds) {
                        Result result = run(w, work);
                        ms.get(w).add(result.millis);
                        rss.put(w, Math.max(rss.get(w), result.peakRssKb));
                    }
                }
                for (Workload w : builds) {
                    double m = median(ms.get(w));
                    double mb = w.stdout.length() / 1e6;
                    double listing = m - fixed.get(launcherOf.get(builds.indexOf(w)) + " " + format);
                    System.out.printf(Locale.ROOT, "%-10d %-6s %-6s %10.1f %10.1f %10.1f %12.1f %12.1f%n", n, format,
                            builds.indexOf(w) == 0 ? "this" : "base", m, mb, mb / (m / 1000), mb / (listing / 1000),
                            rss.get(w) / 1024.0);
                }
            }
        }
        http.stop(0);
        https.stop(0);
        bySize.values().forEach(server -> server.stop(0));
    }

    record Workload(String name, List<String> command, Map<String, String> env, File stdout) {
    }

    record Result(double millis, long peakRssKb) {
    }

    /** Runs once under {@code /usr/bin/time}, which reports the peak RSS of the whole process. */
    private static Result run(Workload w, Path work) throws IOException, InterruptedException {
        Path rssFile = work.resolve("rss.txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rssFile.toString()));
        command.addAll(w.command);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(w.env);
        pb.redirectErrorStream(false);
        pb.redirectOutput(w.stdout != null ? ProcessBuilder.Redirect.to(w.stdout) : ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(work.resolve("stderr.txt").toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        int code = p.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(w.name + " exited " + code + ": " + Files.readString(work.resolve("stderr.txt")));
        }
        String rss = Files.readString(rssFile).trim();
        return new Result(millis, Long.parseLong(rss.substring(rss.lastIndexOf('\n') + 1).trim()));
    }

    private static void serve(HttpServer server, byte[] userTokens, byte[] allTokens) {
        server.createContext("/api/2.0/token/list", exchange -> send(exchange, userTokens));
        server.createContext("/api/2.0/token-management/tokens", exchange -> send(exchange, allTokens));
        server.setExecutor(Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpsServer httpsServer(Path keystore) throws Exception {
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "bench", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        return server;
    }

    /** A realistic token list: ids, times, owners, comments with characters that need escaping. */
    static byte[] tokenList(int n, String field) {
        StringBuilder sb = new StringBuilder(n * 360).append("{\"").append(field).append("\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String id = String.format(Locale.ROOT, "%064x", (long) i * 2654435761L).substring(0, 48) + TOKEN_ID.substring(48);
            sb.append("{\"token_id\":\"").append(id)
                    .append("\",\"creation_time\":").append(1_700_000_000_000L + i)
                    .append(",\"expiry_time\":").append(i % 7 == 0 ? -1 : 1_800_000_000_000L + i)
                    .append(",\"comment\":\"nightly job #").append(i).append(" <etl> & reports\"")
                    .append(",\"created_by_id\":").append(202480738464078L + i % 50)
                    .append(",\"created_by_username\":\"user").append(i % 50).append("@example.com\"")
                    .append(",\"owner_id\":").append(202480738464078L + i % 50)
                    .append(",\"workspace_id\":").append(1234567890123456L)
                    .append('}');
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** How a workload of {@code launcher} is labelled: nothing without a baseline, else which build runs it. */
    private static String tag(String launcher, List<String> launchers) {
        return launchers.size() == 1 ? "" : launchers.indexOf(launcher) == 0 ? " [this]" : " [base]";
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(key, value);
        return env;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int[] parseSizes(String s) {
        return java.util.Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
