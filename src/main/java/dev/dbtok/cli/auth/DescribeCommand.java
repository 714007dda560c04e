package dev.dbtok.cli.auth;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Session;
import dev.dbtok.output.JsonOutput;
import dev.dbtok.output.OutputFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dbtok auth describe}: the host, identity and auth type a command would use here, and where each
 * configuration value came from, resolved exactly as any other command resolves them ({@code -p}, env,
 * config file, bundle target). Secrets are always masked.
 *
 * <p>As in the official CLI, a configuration that does not work is reported, not raised: the output starts
 * with {@code Unable to authenticate: <reason>} and the exit code is 0, so the command can always show what
 * it found.
 */
@Command(name = "describe",
        header = "Describes the credentials and the source of those credentials, being used by dbtok to authenticate")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        AuthStatus status = AuthStatusProbe.probe(session);
        if (session.globals().output() == OutputFormat.JSON) {
            JsonOutput.write(status, session.out());
        } else {
            session.out().print(new DescribeText(session.services().terminal().colorStdout()).render(status));
            session.out().flush();
        }
        return ExitCodes.OK;
    }
}
