package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -t}: inside a bundle, workspace commands go where the chosen target points. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BundleTargetsTest {
    static final String LIST = "/api/2.0/token/list";

    @TempDir
    Path home;
    @TempDir
    Path project;

    /** Two names for the one WireMock server, so that two "workspaces" can be told apart by host. */
    String devHost;
    String prodHost;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) throws IOException {
        devHost = "http://localhost:" + wm.getHttpPort();
        prodHost = "http://127.0.0.1:" + wm.getHttpPort();
        stubFor(get(LIST).willReturn(okJson("{}")));
        Workspace.writeConfig(home, "[dev]\nhost = " + devHost + "\ntoken = dev-token\n\n"
                + "[prod]\nhost = " + prodHost + "\ntoken = prod-token\n");
        Files.writeString(project.resolve("databricks.yml"), """
                bundle:
                  name: demo

                targets:
                  dev:
                    default: true
                    workspace:
                      profile: dev
                  prod:
                    workspace:
                      host: $PROD
                """.replace("$PROD", prodHost));
    }

    Dbtok inProject() {
        return Dbtok.inHome(home).workingDir(project);
    }

    void verifyToken(String token) {
        verify(exactly(1), getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Nested
    class Choosing_the_target {

        @Test
        void should_use_the_default_target() {
            assertThat(inProject().run("tokens", "list")).succeeded().errIsEmpty();
            verifyToken("dev-token");
        }

        @Test
        void should_use_the_target_flag_and_find_the_profile_for_its_host() {
            assertThat(inProject().run("tokens", "list", "-t", "prod")).succeeded().errIsEmpty();
            verifyToken("prod-token");
        }

        @Test
        void should_use_the_target_variable() {
            assertThat(inProject().env("DATABRICKS_BUNDLE_TARGET", "prod").run("tokens", "list")).succeeded();
            verifyToken("prod-token");
        }

        @Test
        void should_find_the_bundle_from_a_subdirectory() throws IOException {
            Path nested = Files.createDirectories(project.resolve("src/notebooks"));

            assertThat(Dbtok.inHome(home).workingDir(nested).run("tokens", "list", "-t", "prod")).succeeded();
            verifyToken("prod-token");
        }

        @Test
        void should_ignore_targets_outside_a_bundle() {
            assertThat(Dbtok.inHome(home).run("tokens", "list", "-t", "prod", "-p", "dev")).succeeded();
            verifyToken("dev-token");
        }

        @Test
        void should_name_the_available_targets_for_an_unknown_one() {
            assertThat(inProject().run("tokens", "list", "-t", "staging")).failedWith(1).outIsEmpty()
                    .errEquals("Error: staging: no such target. Available targets: dev, prod\n");
        }
    }

    @Nested
    class With_a_profile {

        @Test
        void should_skip_the_bundle_for_a_profile_without_a_target() {
            assertThat(inProject().run("tokens", "list", "-p", "prod")).succeeded();
            verifyToken("prod-token");
        }

        @Test
        void should_refuse_a_profile_for_another_workspace_than_the_target() {
            CliRun run = inProject().run("tokens", "list", "-t", "prod", "-p", "dev");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: cannot resolve bundle auth configuration: the host"
                    + " in the profile (" + devHost + ") doesn\u2019t match the host configured in the bundle (" + prodHost
                    + "). The profile \"prod\" has host=\"" + prodHost + "\" that matches host in the bundle. To select it,"
                    + " pass \"-p prod\"\n");
            verify(exactly(0), getRequestedFor(urlEqualTo(LIST)));
        }

        @Test
        void should_guide_the_user_when_several_profiles_match_the_target_host() {
            Workspace.writeConfig(home, "[p1]\nhost = " + prodHost + "\ntoken = a\n[p2]\nhost = " + prodHost + "\ntoken = b\n");

            CliRun run = inProject().run("tokens", "list", "-t", "prod");

            assertThat(run).failedWith(1).errEquals("Error: cannot resolve bundle auth configuration: resolve: " + prodHost
                    + ": multiple profiles matched: p1, p2: please set DATABRICKS_CONFIG_PROFILE or provide --profile flag to"
                    + " specify one. Config: host=" + prodHost + "\n"
                    + "\n"
                    + "Matching workspace profiles: p1, p2\n"
                    + "\n"
                    + "Fix (pick one):\n"
                    + "  1. Set profile in databricks.yml:\n"
                    + "       workspace:\n"
                    + "         profile: p1\n"
                    + "  2. Pass a flag:\n"
                    + "       dbtok tokens list --profile p1\n"
                    + "  3. Set env var:\n"
                    + "       DATABRICKS_CONFIG_PROFILE=p1\n");
        }
    }

    @Nested
    class Describe {

        @Test
        void should_attribute_the_host_to_the_bundle() {
            stubFor(get("/api/2.0/preview/scim/v2/Me").willReturn(okJson("{\"userName\": \"jane\"}")));

            CliRun run = inProject().run("auth", "describe", "-t", "prod");

            assertThat(run).succeeded().outContains("\n  ✓ host: " + prodHost + " (from bundle)\n")
                    .outContains("\n  ✓ profile: prod\n")
                    .outContains("\n  ✓ token: ******** (from " + home.resolve(".databrickscfg") + " config file)\n");
        }

        @Test
        void should_attribute_the_profile_of_the_default_target_to_the_bundle() {
            stubFor(get("/api/2.0/preview/scim/v2/Me").willReturn(okJson("{\"userName\": \"jane\"}")));

            assertThat(inProject().run("auth", "describe")).succeeded().outContains("\n  ✓ profile: dev (from bundle)\n");
        }
    }
}
