package network.ohc.care.plugs.manager;

/** One mistake, located: "plug-config.properties:7: plug.census.verison: unknown setting; did you mean 'version'?". */
public record Problem(String file, int line, String key, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + message;
    }
}
