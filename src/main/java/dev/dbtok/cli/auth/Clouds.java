package dev.dbtok.cli.auth;

import java.util.List;
import okhttp3.HttpUrl;

/** The cloud a workspace runs on, told from its host name as the official CLI tells it. */
final class Clouds {
    private static final List<String> AZURE = List.of(".azuredatabricks.net", ".databricks.azure.us", ".databricks.azure.cn");
    private static final List<String> GCP = List.of(".gcp.databricks.com");

    private Clouds() {
    }

    /** {@code aws}, {@code azure} or {@code gcp}; any other host counts as AWS; no host gives {@code ""}. */
    static String of(String host) {
        HttpUrl url = host == null ? null : HttpUrl.parse(host);
        if (url == null) {
            return "";
        }
        String name = url.host();
        if (AZURE.stream().anyMatch(name::endsWith)) {
            return "azure";
        }
        if (GCP.stream().anyMatch(name::endsWith)) {
            return "gcp";
        }
        return "aws";
    }
}
