package dev.dbtok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code bin/dbtok} as a real process against the packaged jar.
 *
 * <p>Most cases point {@code JAVA_HOME} at a fake {@code bin/java} script that prints its
 * arguments and exits with a chosen code, so they can see exactly what the launcher executes
 * without paying for a JVM start. A few cases run the real JVM end to end.
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayNameGeneration(ReplaceUnderscores.class)
class LauncherIT {

    private static final Path PROJECT = Path.of(System.getProperty("dbtok.project.dir", "")).toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/dbtok");
    private static final Path JAR = PROJECT.resolve("target/dbtok.jar");

    /** Prints one line per argument, then JAVA_TOOL_OPTIONS, and exits with $FAKE_JAVA_EXIT. */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            for a in "$@"; do printf 'arg:%s\\n' "$a"; done
            printf 'JAVA_TOOL_OPTIONS:%s\\n' "${JAVA_TOOL_OPTIONS-<unset>}"
            exit "${FAKE_JAVA_EXIT:-0}"
            """;

    @TempDir
    Path tmp;

    Path home;
    Path fakeJavaHome;

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isExecutable(LAUNCHER), "not executable: " + LAUNCHER);
        assertTrue(Files.isRegularFile(JAR), "run after packaging; missing " + JAR);
        home = Files.createDirectories(tmp.resolve("home"));
        fakeJavaHome = tmp.resolve("fake-jdk");
        writeScript(fakeJavaHome.resolve("bin/java"), FAKE_JAVA);
    }

    @Nested
    class Symlinks {

        @Test
        void should_find_the_project_through_an_absolute_symlink() throws IOException {
            Path link = Files.createSymbolicLink(tmp.resolve("dbtok"), LAUNCHER);

            Run run = run(link, env -> env.put("JAVA_HOME", fakeJavaHome.toString()), "tokens", "list");

            run.assertExit(0);
            assertTrue(run.out().contains("arg:-jar\narg:" + JAR.toRealPath() + "\narg:tokens\narg:list\n"), run::dump);
        }

        @Test
        void should_follow_a_chain_of_relative_and_absolute_symlinks() throws IOException {
            // ~/bin/dbtok -> ../opt/dbtok (relative) -> <project>/bin/dbtok (absolute)
            Path opt = Files.createDirectories(tmp.resolve("opt"));
            Files.createSymbolicLink(opt.resolve("dbtok"), LAUNCHER);
            Path userBin = Files.createDirectories(home.resolve("bin"));
            Path link = Files.createSymbolicLink(userBin.resolve("dbtok"), Path.of("../../opt/dbtok"));

            Run run = run(link, env -> env.put("JAVA_HOME", fakeJavaHome.toString()));

            run.assertExit(0);
            assertTrue(run.out().contains("arg:" + JAR.toRealPath() + "\n"), run::dump);
        }

        @Test
        void should_follow_a_relative_symlink_found_on_PATH() throws IOException {
            Path userBin = Files.createDirectories(home.resolve("bin"));
            Files.createSymbolicLink(userBin.resolve("dbtok"), userBin.toRealPath().relativize(LAUNCHER.toRealPath()));

            // A shell looks "dbtok" up on the child's PATH, as a user's shell would.
            Run run = run(Path.of("/bin/sh"), env -> {
                env.put("JAVA_HOME", fakeJavaHome.toString());
                env.put("PATH", userBin + File.pathSeparator + env.get("PATH"));
            }, "-c", "dbtok --version");

            run.assertExit(0);
            assertTrue(run.out().contains("arg:" + JAR.toRealPath() + "\narg:--version\n"), run::dump);
        }
    }

    @Nested
    class Java_selection {

        @Test
        void should_run_the_real_jar_with_the_java_from_JAVA_HOME() {
            Run run = run(LAUNCHER, env -> env.put("JAVA_HOME", System.getProperty("java.home")), "--version");

            // Same stdout and exit code as running the jar directly (today Main is a stub).
            Run direct = run(Path.of(System.getProperty("java.home"), "bin", "java"), env -> { }, "-jar", JAR.toString(), "--version");
            run.assertExit(direct.exitCode());
            assertEquals(direct.out(), run.out(), run::dump);
        }

        @Test
        void should_fail_with_an_error_line_when_JAVA_HOME_has_no_java() {
            Path bogus = tmp.resolve("no-such-jdk");

            Run run = run(LAUNCHER, env -> env.put("JAVA_HOME", bogus.toString()), "--version");

            run.assertExit(1);
            assertEquals("", run.out(), run::dump);
            assertTrue(run.err().startsWith("Error: JAVA_HOME is set to '" + bogus + "'"), run::dump);
        }

        @Test
        void should_fail_with_an_error_line_when_no_java_is_on_PATH() throws IOException {
            Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));

            Run run = run(LAUNCHER, env -> env.put("PATH", emptyBin.toString()), "--version");

            run.assertExit(1);
            assertEquals("", run.out(), run::dump);
            assertTrue(run.err().startsWith("Error: no java found"), run::dump);
        }
    }

    @Nested
    class Jvm_options_and_exit_codes {

        @Test
        void should_pass_default_flags_then_split_DBTOK_JAVA_OPTS_and_keep_arguments_intact() throws IOException {
            // A project without an archive: the options are only the defaults and the user's.
            Path project = builtProject();
            Run run = run(project.resolve("bin/dbtok"), env -> {
                env.put("JAVA_HOME", fakeJavaHome.toString());
                env.put("DBTOK_JAVA_OPTS", " -Xmx64m   -Dprobe=*  ");
                env.put("JAVA_TOOL_OPTIONS", "-Dtool=kept");
            }, "tokens", "create", "--comment", "two words", "*");

            run.assertExit(0);
            assertEquals("""
                    arg:-XX:TieredStopAtLevel=1
                    arg:-XX:-UsePerfData
                    arg:-Xmn24m
                    arg:-XX:G1HeapRegionSize=2m
                    arg:-Xmx64m
                    arg:-Dprobe=*
                    arg:-jar
                    arg:%s
                    arg:tokens
                    arg:create
                    arg:--comment
                    arg:two words
                    arg:*
                    JAVA_TOOL_OPTIONS:-Dtool=kept
                    """.formatted(project.resolve("target/dbtok.jar")), run.out(), run::dump);
            assertEquals("", run.err(), run::dump);
        }

        @Test
        void should_pass_the_exit_code_through() {
            Run run = run(LAUNCHER, env -> {
                env.put("JAVA_HOME", fakeJavaHome.toString());
                env.put("FAKE_JAVA_EXIT", "42");
            });

            run.assertExit(42);
        }

        @Test
        void should_give_DBTOK_JAVA_OPTS_to_the_real_jvm() {
            Run run = run(LAUNCHER, env -> env.put("DBTOK_JAVA_OPTS", "-XX:+DbtokNoSuchFlag"), "--version");

            run.assertExit(1);
            assertEquals("", run.out(), run::dump);
            assertTrue(run.err().contains("DbtokNoSuchFlag"), run::dump);
        }
    }

    @Nested
    class Class_data_sharing_archive {

        Path project;
        Path archive;

        @BeforeEach
        void copyTheBuiltProject() throws IOException {
            project = builtProject();
            archive = project.resolve("target/dbtok.jsa");
        }

        @Test
        void should_start_with_an_archive_as_new_as_the_jar_and_keep_JVM_logs_off_stdout() throws IOException {
            Files.writeString(archive, "any");
            newerThanJar(archive);

            Run run = run(project.resolve("bin/dbtok"), env -> {
                env.put("JAVA_HOME", fakeJavaHome.toString());
                env.put("DBTOK_JAVA_OPTS", "-Xshare:off");
            }, "--version");

            run.assertExit(0);
            assertEquals("""
                    arg:-XX:TieredStopAtLevel=1
                    arg:-XX:-UsePerfData
                    arg:-Xmn24m
                    arg:-XX:G1HeapRegionSize=2m
                    arg:-XX:SharedArchiveFile=%s
                    arg:-Xshare:auto
                    arg:-Xlog:disable
                    arg:-Xlog:all=warning:stderr
                    arg:-Xlog:cds*=off:stderr
                    arg:-Xshare:off
                    arg:-jar
                    arg:%s
                    arg:--version
                    JAVA_TOOL_OPTIONS:<unset>
                    """.formatted(archive, project.resolve("target/dbtok.jar")), run.out(), run::dump);
        }

        @Test
        void should_leave_out_an_archive_older_than_the_jar() throws IOException {
            Files.writeString(archive, "any");
            Files.setLastModifiedTime(archive, FileTime.fromMillis(
                    Files.getLastModifiedTime(project.resolve("target/dbtok.jar")).toMillis() - 60_000));

            Run run = run(project.resolve("bin/dbtok"), env -> env.put("JAVA_HOME", fakeJavaHome.toString()), "--version");

            run.assertExit(0);
            assertFalse(run.out().contains("Shared"), run::dump);
            assertFalse(run.out().contains("-Xlog"), run::dump);
        }

        @Test
        void should_load_dbtok_from_a_matching_archive() throws IOException {
            dumpArchive(System.getProperty("java.home"));
            Path classLog = tmp.resolve("classes.log");

            Run run = run(project.resolve("bin/dbtok"), env -> env.put("DBTOK_JAVA_OPTS",
                    "-Xlog:class+load=info:file=" + classLog), "--version");

            assertEquals(direct("--version"), run.withCommand(null), run::dump);
            assertTrue(Files.readString(classLog).lines()
                    .anyMatch(l -> l.contains(" dev.dbtok.Main source: shared objects file")), run::dump);
        }

        @Test
        void should_run_without_a_word_from_a_garbage_archive() throws IOException {
            byte[] garbage = new byte[200_000];
            new Random(7).nextBytes(garbage);
            Files.write(archive, garbage);
            newerThanJar(archive);

            assertRunsAsWithoutArchive();
        }

        @Test
        void should_run_without_a_word_from_an_empty_archive() throws IOException {
            Files.write(archive, new byte[0]);
            newerThanJar(archive);

            assertRunsAsWithoutArchive();
        }

        @Test
        void should_run_without_a_word_from_a_truncated_archive() throws IOException {
            dumpArchive(System.getProperty("java.home"));
            byte[] whole = Files.readAllBytes(archive);
            Files.write(archive, Arrays.copyOf(whole, whole.length / 3));
            newerThanJar(archive);

            assertRunsAsWithoutArchive();
        }

        @Test
        void should_run_without_a_word_from_an_archive_made_for_another_copy_of_the_jar() throws IOException {
            // Dumped for this copy, then the project moves: the archive names a jar path that is gone.
            dumpArchive(System.getProperty("java.home"));
            Path moved = Files.move(project, tmp.resolve("moved"));
            project = moved;
            archive = moved.resolve("target/dbtok.jsa");
            newerThanJar(archive);

            assertRunsAsWithoutArchive();
        }

        @Test
        void should_run_without_a_word_from_an_archive_of_another_JDK() throws IOException {
            Path otherJdk = otherJdk();
            Assumptions.assumeTrue(otherJdk != null, "no second JDK 17+ under /usr/lib/jvm");
            dumpArchive(System.getProperty("java.home"));

            Run run = run(project.resolve("bin/dbtok"), env -> env.put("JAVA_HOME", otherJdk.toString()), "--version");
            Run direct = run(otherJdk.resolve("bin/java"), env -> { }, "-jar", JAR.toString(), "--version");

            assertEquals(direct, run.withCommand(direct.command()), run::dump);
            assertEquals("", run.err(), run::dump);
        }

        private void assertRunsAsWithoutArchive() {
            Run run = run(project.resolve("bin/dbtok"), env -> { }, "--version");

            assertEquals(direct("--version"), run.withCommand(null), run::dump);
            assertEquals("", run.err(), run::dump);
        }

        private Run direct(String... args) {
            List<String> all = new ArrayList<>(List.of("-jar", JAR.toString()));
            all.addAll(List.of(args));
            Run direct = run(Path.of(System.getProperty("java.home"), "bin", "java"), env -> { }, all.toArray(String[]::new));
            return direct.withCommand(null);
        }

        /** A real archive for this project's copy of the jar, from the class list the build trained. */
        private void dumpArchive(String javaHome) throws IOException {
            Path classList = PROJECT.resolve("target/cds/classlist");
            Assumptions.assumeTrue(Files.isRegularFile(classList), "the build made no class list: " + classList);
            Run dump = run(Path.of(javaHome, "bin", "java"), env -> { }, "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive,
                    "-cp", project.resolve("target/dbtok.jar").toRealPath().toString());
            dump.assertExit(0);
            newerThanJar(archive);
        }

        private void newerThanJar(Path file) throws IOException {
            Files.setLastModifiedTime(file, FileTime.fromMillis(
                    Files.getLastModifiedTime(project.resolve("target/dbtok.jar")).toMillis() + 60_000));
        }

        /** A JDK 17+ other than the one running the tests, or null. */
        private Path otherJdk() throws IOException {
            Path self = Path.of(System.getProperty("java.home")).toRealPath();
            Path jvms = Path.of("/usr/lib/jvm");
            if (!Files.isDirectory(jvms)) {
                return null;
            }
            try (var dirs = Files.list(jvms)) {
                for (Path dir : dirs.toList()) {
                    Path release = dir.resolve("release");
                    if (!Files.isRegularFile(release) || !Files.isExecutable(dir.resolve("bin/java"))
                            || dir.toRealPath().equals(self)) {
                        continue;
                    }
                    String version = Files.readAllLines(release).stream()
                            .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElse("")
                            .replaceAll("[^0-9.]", "");
                    String major = version.split("\\.")[0];
                    if (!major.isEmpty() && Integer.parseInt(major) >= 17
                            && Integer.parseInt(major) != Runtime.version().feature()) {
                        return dir;
                    }
                }
            }
            return null;
        }
    }

    /** A copy of the launcher and of the packaged jar in a project of its own, without an archive. */
    private Path builtProject() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("built"));
        Files.copy(LAUNCHER, Files.createDirectories(project.resolve("bin")).resolve("dbtok"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(JAR, Files.createDirectories(project.resolve("target")).resolve("dbtok.jar"));
        return project.toRealPath();
    }

    @Nested
    class Start_up_work {
        /**
         * The packaged jar builds its commands from the command catalog: the JVM generates no proxy class for an
         * annotation (each costs milliseconds at start-up), and the catalog's classes are the ones loaded.
         */
        @ParameterizedTest
        @ValueSource(strings = {"--help", "tokens list -o json", "token-management list --help", "emulator exec --help"})
        void should_read_no_annotation_at_run_time(String args) throws IOException {
            Path classes = tmp.resolve("classes.txt");
            Run run = run(LAUNCHER, env -> {
                env.put("DBTOK_JAVA_OPTS", "-Xlog:class+load:file=" + classes);
                env.put("DATABRICKS_HOST", "http://127.0.0.1:9");
                env.put("DATABRICKS_TOKEN", "dapi-probe");
                env.put("DATABRICKS_DISABLE_RETRIES", "true");
            }, args.split(" "));

            assertFalse(run.err().contains("\tat "), run::dump);
            String loaded = Files.readString(classes);
            assertTrue(loaded.contains("dev.dbtok.cli.model.CommandModel "), run::dump);
            assertFalse(loaded.contains("$Proxy"), () -> "annotation proxies were generated:\n" + loaded.lines()
                    .filter(line -> line.contains("$Proxy")).collect(java.util.stream.Collectors.joining("\n")));
        }
    }

    @Nested
    class Missing_jar {

        Path project;

        @BeforeEach
        void copyLauncherIntoAnUnbuiltProject() throws IOException {
            project = Files.createDirectories(tmp.resolve("project"));
            Path bin = Files.createDirectories(project.resolve("bin"));
            Files.copy(LAUNCHER, bin.resolve("dbtok"));
        }

        @Test
        void should_build_it_first_with_all_build_output_on_stderr() throws IOException {
            // The fake wrapper checks its arguments, talks on stdout like Maven does, and
            // "builds" by copying the real jar.
            writeScript(project.resolve("mvnw"), """
                    #!/bin/sh
                    echo "[INFO] fake maven: $*"
                    [ "$*" = "-B -q -ntp -DskipTests package" ] || { echo "unexpected args: $*"; exit 9; }
                    mkdir -p target && cp "$REAL_JAR" target/dbtok.jar
                    """);

            Run run = run(project.resolve("bin/dbtok"), env -> {
                env.put("REAL_JAR", JAR.toString());
                env.put("JAVA_HOME", System.getProperty("java.home"));
            }, "--version");

            Run direct = run(Path.of(System.getProperty("java.home"), "bin", "java"), env -> { }, "-jar", JAR.toString(), "--version");
            run.assertExit(direct.exitCode());
            assertEquals(direct.out(), run.out(), run::dump);
            assertTrue(run.err().startsWith("dbtok: "), run::dump);
            assertEquals(1, run.err().lines().filter(l -> l.contains("building")).count(), run::dump);
            assertTrue(run.err().contains("[INFO] fake maven: -B -q -ntp -DskipTests package"), run::dump);
            assertTrue(Files.isRegularFile(project.resolve("target/dbtok.jar")));
        }

        @Test
        void should_fail_with_an_error_line_when_the_build_fails() throws IOException {
            writeScript(project.resolve("mvnw"), """
                    #!/bin/sh
                    echo "[ERROR] fake maven: compilation failure"
                    exit 3
                    """);

            Run run = run(project.resolve("bin/dbtok"), env -> env.put("JAVA_HOME", fakeJavaHome.toString()), "--version");

            run.assertExit(1);
            assertEquals("", run.out(), run::dump);
            assertTrue(run.err().contains("[ERROR] fake maven: compilation failure"), run::dump);
            assertTrue(run.err().lines().anyMatch(l -> l.startsWith("Error: building ")), run::dump);
        }
    }

    private String realJar() {
        try {
            return JAR.toRealPath().toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeScript(Path path, String text) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Run(List<String> command, int exitCode, String out, String err) {

        /** The same outcome under another command, to compare outcomes alone. */
        Run withCommand(List<String> other) {
            return new Run(other, exitCode, out, err);
        }

        void assertExit(int expected) {
            if (exitCode != expected) {
                fail("expected exit " + expected + "\n" + dump());
            }
        }

        String dump() {
            return "command: " + command + "\nexit: " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err + "---";
        }
    }

    /** Runs a command with a clean environment (temp HOME, no Java settings), no stdin, and a timeout. */
    private Run run(Path executable, Consumer<Map<String, String>> envSetup, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(Arrays.asList(args));
        try {
            Path out = Files.createTempFile(tmp, "out", ".txt");
            Path err = Files.createTempFile(tmp, "err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(tmp.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeAll(List.of("JAVA_HOME", "DBTOK_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
            env.put("HOME", home.toString());
            envSetup.accept(env);
            Process process = pb.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Run(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
