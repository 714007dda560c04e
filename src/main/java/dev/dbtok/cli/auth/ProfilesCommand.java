package dev.dbtok.cli.auth;

import dev.dbtok.cli.BoolFlag;
import dev.dbtok.cli.CliException;
import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Session;
import dev.dbtok.config.ConfigFile;
import dev.dbtok.config.ConfigFileLocator;
import dev.dbtok.config.IniReader;
import dev.dbtok.output.JsonOutput;
import dev.dbtok.output.OutputFormat;
import dev.dbtok.output.TextTable;
import dev.dbtok.output.TextTable.Span;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbtok auth profiles}: every profile of the config file with its host and whether its credentials
 * work ({@link ProfileListing}), as a table or as {@code {"profiles": [...]}}. A missing file lists nothing.
 */
@Command(name = "profiles", header = "Lists profiles from ~/.databrickscfg")
final class ProfilesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--skip-validate", preprocessor = BoolFlag.class, description = "Whether to skip validating the profiles")
    Boolean skipValidate;

    /** The official template's columns and colours; in a holder so that other commands never load it. */
    private static final class Table {
        static final TextTable<ProfileMetadata> TABLE = TextTable.of(
                TextTable.Column.spans("Name", p -> Boolean.TRUE.equals(p.isDefault())
                        ? List.of(Span.green(p.name()), Span.plain(" (Default)")) : List.of(Span.green(p.name()))),
                TextTable.Column.spans("Host", p -> List.of(Span.cyan(p.host() == null ? "" : p.host()))),
                TextTable.Column.spans("Valid", p -> List.of(p.valid() ? Span.green("YES") : Span.red("NO"))));
    }

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        Map<String, String> env = session.services().env();
        Path path = ConfigFileLocator.locate(env);
        Optional<ConfigFile> file;
        try {
            file = IniReader.read(path);
        } catch (IOException e) {
            throw new CliException("cannot parse config file: " + e.getMessage(), e);
        }
        List<ProfileMetadata> profiles = List.of();
        if (file.isPresent()) {
            session.warnIfExposed(path);
            profiles = ProfileListing.list(session, file.get(), path, Boolean.TRUE.equals(skipValidate));
        }
        if (session.globals().output() == OutputFormat.JSON) {
            JsonOutput.write(new ProfileMetadata.Listing(profiles), session.out());
        } else {
            Table.TABLE.render(profiles, session.out(), session.services().terminal().colorStdout());
        }
        return ExitCodes.OK;
    }
}
