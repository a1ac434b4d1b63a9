package dev.agentos.traces.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Catalog} from {@code GET /config} ({@code agents}, {@code teams}, {@code workflows} with
 * {@code model.id}) and the lists {@code GET /agents}, {@code /teams}, {@code /workflows} (with {@code model.model},
 * {@code tools.tools[].name} and a team's {@code members}), merged by kind and id.
 */
final class CatalogParser {

    private record Key(Catalog.Kind kind, String id) {
    }

    private static final class Entry {
        String name;
        String description;
        String dbId;
        final Set<String> models = new LinkedHashSet<>();
        final Set<String> tools = new LinkedHashSet<>();
        final Set<String> members = new LinkedHashSet<>();
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    void config(JsonNode root) {
        if (!root.isObject()) {
            throw new AgentOsException.BadResponse("AgentOS answered GET /config with something other than an object.");
        }
        for (Catalog.Kind k : Catalog.Kind.values()) {
            add(k, root.get(k.route()));
        }
    }

    void list(Catalog.Kind kind, JsonNode root) {
        if (!root.isArray()) {
            throw new AgentOsException.BadResponse("AgentOS answered GET /" + kind.route() + " with something other than a list.");
        }
        add(kind, root);
    }

    int count(Catalog.Kind kind) {
        return (int) entries.keySet().stream().filter(k -> k.kind() == kind).count();
    }

    private void add(Catalog.Kind kind, JsonNode items) {
        if (items == null || !items.isArray()) {
            return;
        }
        for (JsonNode n : items) {
            String id = text(n, "id");
            if (id == null) {
                continue;
            }
            Entry e = entries.computeIfAbsent(new Key(kind, id), k -> new Entry());
            e.name = first(e.name, text(n, "name"));
            e.description = first(e.description, text(n, "description"));
            e.dbId = first(e.dbId, text(n, "db_id"));
            model(n.get("model"), e.models);
            tools(n.get("tools"), e.tools);
            JsonNode members = n.get("members");
            if (members != null && members.isArray()) {
                for (JsonNode m : members) {
                    String mid = text(m, "id");
                    if (mid != null) {
                        e.members.add(mid);
                    }
                }
            }
            JsonNode steps = n.get("steps");
            if (steps != null && steps.isArray()) {
                for (JsonNode s : steps) {
                    String name = text(s, "name");
                    if (name != null) {
                        e.members.add(name);
                    }
                }
            }
        }
    }

    private static void model(JsonNode m, Set<String> out) {
        if (m == null || !m.isObject()) {
            return;
        }
        String id = text(m, "id") != null ? text(m, "id") : text(m, "model");
        if (id != null) {
            out.add(id);
        }
    }

    private static void tools(JsonNode t, Set<String> out) {
        JsonNode list = t != null && t.isObject() ? t.get("tools") : t;
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode tool : list) {
            String name = text(tool, "name");
            if (name != null) {
                out.add(name);
            }
        }
    }

    Catalog catalog() {
        List<Catalog.Component> out = new ArrayList<>();
        for (Map.Entry<Key, Entry> e : entries.entrySet()) {
            Entry v = e.getValue();
            out.add(new Catalog.Component(e.getKey().kind(), e.getKey().id(), v.name, v.description,
                    List.copyOf(v.models), List.copyOf(v.tools), List.copyOf(v.members), v.dbId));
        }
        return new Catalog(out);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isTextual() && !v.textValue().isBlank() ? v.textValue() : null;
    }
}
