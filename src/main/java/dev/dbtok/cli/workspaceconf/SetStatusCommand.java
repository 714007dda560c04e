package dev.dbtok.cli.workspaceconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.RequestSchema;
import dev.dbtok.cli.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dbtok workspace-conf set-status --json '{"maxTokenLifetimeDays": "90"}'}: sets settings.
 * Values are sent as strings, whatever JSON type they were written as; prints nothing.
 */
@Command(
        name = "set-status",
        header = "Enable/disable features.",
        description = {
            "Enable/disable features.",
            "",
            "  Sets the configuration status for a workspace, including enabling or disabling",
            "  it."
        })
final class SetStatusCommand extends LeafCommand {
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Session session = session();
        session.config();
        Positional.requireJson(json);
        ObjectNode document = JsonInput.read(json.value(), RequestSchema.stringMap(), session.err());
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : document.properties()) {
            settings.put(entry.getKey(), entry.getValue().asText());
        }
        session.client().setWorkspaceConf(settings);
        return ExitCodes.OK;
    }
}
