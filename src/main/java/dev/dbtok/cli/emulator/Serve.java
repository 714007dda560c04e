package dev.dbtok.cli.emulator;

import dev.dbtok.cli.Session;
import dev.dbtok.emulator.Credential;
import dev.dbtok.emulator.Emulator;
import dev.dbtok.output.JsonOutput;
import dev.dbtok.output.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code dbtok emulator}: serves until the process is stopped (SIGINT, SIGTERM) or the running thread is interrupted,
 * then frees the port. stdout gets what a user needs to connect (host, tokens, an {@code export} line); stderr gets
 * one line per request.
 */
final class Serve {
    private final Session session;
    private final int port;
    private final String seedFile;

    Serve(Session session, int port, String seedFile) {
        this.session = session;
        this.port = port;
        this.seedFile = seedFile;
    }

    int run() {
        PrintWriter err = session.err();
        Emulator emulator = EmulatorStarter.start(seedFile, port, line -> {
            err.print(line + "\n");
            err.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownHook hook = ShutdownHook.install(() -> {
            emulator.close();
            stopped.countDown();
        });
        try {
            printConnectionDetails(emulator);
            err.print("dbtok emulator is serving " + emulator.host() + "; requests are logged below. Stop it with Ctrl-C.\n");
            err.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            emulator.close();
            hook.close();
        }
        err.print("dbtok emulator stopped.\n");
        err.flush();
        return 0;
    }

    private void printConnectionDetails(Emulator emulator) {
        PrintWriter out = session.out();
        if (session.globals().output() == OutputFormat.JSON) {
            List<EmulatorInfo.AccountInfo> accounts = emulator.credentials().stream().map(EmulatorInfo.AccountInfo::of).toList();
            JsonOutput.write(new EmulatorInfo(emulator.host(), accounts), out);
            out.flush();
            return;
        }
        Credential admin = emulator.admin();
        out.print("Host:  " + emulator.host() + "\n");
        out.print("Token: " + admin.token() + "  (" + admin.account().userName() + ", workspace admin)\n\n");
        AccountsTable.of().render(emulator.credentials(), out, session.services().terminal().colorStdout());
        out.print("\nexport DATABRICKS_HOST=" + emulator.host() + " DATABRICKS_TOKEN=" + admin.token() + "\n");
        out.flush();
    }
}
