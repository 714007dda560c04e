package dev.dbtok.cli.configure;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Session;
import dev.dbtok.config.ConfigFileLocator;
import dev.dbtok.config.ProfileWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dbtok configure}: saves a host and a personal access token as a profile of the config file. The
 * token comes from {@code DATABRICKS_TOKEN}, a hidden prompt on a terminal, or the first line of stdin;
 * never from the command line, where shell history and process lists would keep it.
 */
@Command(
        name = "configure",
        header = "Configure authentication",
        description = {
            "Configure authentication.",
            "",
            "  Saves a workspace host and a personal access token as a profile in ~/.databrickscfg",
            "  (or in the file named by DATABRICKS_CONFIG_FILE). The profile is --profile, else",
            "  DATABRICKS_CONFIG_PROFILE, else DEFAULT. Other profiles and comments are kept; the",
            "  previous file is saved as <file>.bak and the file is made readable by you only.",
            "",
            "  On a terminal, dbtok asks for the host (unless --host or DATABRICKS_HOST gives it) and",
            "  for the token without echoing it. Otherwise the host must be given and the token is",
            "  read from the first line of stdin, e.g.:",
            "",
            "    dbtok configure --profile ci --host https://dbc-1.cloud.databricks.com < token.txt"
        })
public final class ConfigureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "string", description = "Databricks workspace host.")
    String host;

    /** Accepted for scripts written for the official CLI, where it is the only (and default) mode. */
    @Option(names = "--token", hidden = true, preprocessor = TokenFlag.class,
            description = "Configure using Databricks Personal Access Token")
    Boolean token;

    /** Refused, without ever echoing them: a token pasted here would land in the shell history. */
    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = DbtokCommand.session(spec);
        Map<String, String> env = session.services().env();
        String profile = firstSet(session.globals().profile(), env.get("DATABRICKS_CONFIG_PROFILE"), "DEFAULT");
        String workspace = firstSet(host, env.get("DATABRICKS_HOST"), null);
        if (workspace != null) {
            workspace = HostInput.validate(workspace);
        }
        String secret = firstSet(env.get("DATABRICKS_TOKEN"), null, null);
        Prompts prompts = new Prompts(session);
        if (session.services().terminal().interactive()) {
            if (workspace == null) {
                workspace = prompts.host();
            }
            if (secret == null) {
                secret = prompts.token();
            }
        } else {
            if (workspace == null) {
                throw new CliException("host must be set in non-interactive mode: pass --host or set DATABRICKS_HOST");
            }
            if (secret == null) {
                secret = prompts.tokenFromStdin();
            }
        }
        Path path = ConfigFileLocator.locate(env);
        new ProfileWriter().savePat(path, profile, workspace, secret);
        return ExitCodes.OK;
    }

    private static String firstSet(String first, String second, String fallback) {
        if (first != null && !first.isEmpty()) {
            return first;
        }
        return second != null && !second.isEmpty() ? second : fallback;
    }
}
