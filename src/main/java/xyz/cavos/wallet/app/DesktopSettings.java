package xyz.cavos.wallet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import xyz.cavos.wallet.store.PrivateFiles;

/**
 * What the desktop app remembers between runs, in {@code desktop.json} beside the CLI's settings: the
 * theme and the window's place and size. A missing or damaged file means the defaults, never an error.
 */
public record DesktopSettings(boolean dark, double x, double y, double width, double height, boolean maximized) {

    public static final String FILE = "desktop.json";
    private static final double DEFAULT_WIDTH = 1100;
    private static final double DEFAULT_HEIGHT = 720;
    public static final DesktopSettings DEFAULT = new DesktopSettings(false, Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false);

    /** The smallest window the screens are laid out for. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;

    private static final ObjectMapper JSON = new ObjectMapper();

    public DesktopSettings {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : DEFAULT_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : DEFAULT_HEIGHT;
    }

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    public DesktopSettings withDark(boolean value) {
        return new DesktopSettings(value, x, y, width, height, maximized);
    }

    public DesktopSettings withWindow(double newX, double newY, double newWidth, double newHeight, boolean isMaximized) {
        return new DesktopSettings(dark, newX, newY, newWidth, newHeight, isMaximized);
    }

    /** The largest desktop.json read. */
    private static final long MAX_BYTES = 64 * 1024;

    public static DesktopSettings load(Path home) {
        Path file = home.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return DEFAULT;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return DEFAULT; // a few hundred bytes when the app writes it: this is not its file
            }
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || !json.isObject()) {
                return DEFAULT;
            }
            return new DesktopSettings(json.path("theme").asText("light").equals("dark"),
                    number(json.path("window").path("x")), number(json.path("window").path("y")),
                    number(json.path("window").path("width")), number(json.path("window").path("height")),
                    json.path("window").path("maximized").asBoolean(false));
        } catch (IOException e) {
            return DEFAULT;
        }
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    public void save(Path home) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("theme", dark ? "dark" : "light");
        ObjectNode window = json.putObject("window");
        if (hasPosition()) {
            window.put("x", x).put("y", y);
        }
        window.put("width", width).put("height", height).put("maximized", maximized);
        PrivateFiles.writeAtomically(home.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
    }
}
