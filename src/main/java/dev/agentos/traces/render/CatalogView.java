package dev.agentos.traces.render;

import dev.agentos.traces.client.Catalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code list_agents}: one line per agent, team and workflow. */
public final class CatalogView {

    private CatalogView() {
    }

    public static String text(Catalog c) {
        if (c.components().isEmpty()) {
            return "AgentOS serves no agents, teams or workflows.";
        }
        StringBuilder b = new StringBuilder();
        for (Catalog.Kind k : Catalog.Kind.values()) {
            List<Catalog.Component> list = c.of(k);
            if (list.isEmpty()) {
                continue;
            }
            b.append(k.route()).append(" (").append(list.size()).append("):\n");
            for (Catalog.Component x : list) {
                if (Text.full(b)) {
                    b.append("…[cut: more ").append(k.route()).append(" than fit; structuredContent has them all]\n");
                    break;
                }
                b.append("  ").append(x.id());
                if (x.name() != null && !x.name().equals(x.id())) {
                    b.append(" \"").append(Text.line(x.name(), 60)).append('"');
                }
                if (!x.models().isEmpty()) {
                    b.append(" model=").append(String.join(",", x.models()));
                }
                if (!x.tools().isEmpty()) {
                    b.append(" tools=").append(String.join(",", x.tools()));
                }
                if (!x.members().isEmpty()) {
                    b.append(k == Catalog.Kind.WORKFLOW ? " steps=" : " members=").append(String.join(",", x.members()));
                }
                if (x.description() != null) {
                    b.append(" — ").append(Text.line(x.description(), 120));
                }
                b.append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    public static Map<String, Object> structured(Catalog c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Catalog.Kind k : Catalog.Kind.values()) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Catalog.Component x : c.of(k)) {
                items.add(Fields.of().put("id", x.id()).put("name", x.name()).put("description", x.description())
                        .put("models", x.models()).put("tools", x.tools())
                        .put(k == Catalog.Kind.WORKFLOW ? "steps" : "members", x.members()).put("db_id", x.dbId()).map());
            }
            out.put(k.route(), items);
        }
        return out;
    }
}
