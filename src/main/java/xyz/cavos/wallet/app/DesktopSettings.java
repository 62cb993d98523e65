package xyz.cavos.wallet.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.store.PrivateFiles;
import xyz.cavos.wallet.ui.lock.PassphraseHash;
import xyz.cavos.wallet.ui.lock.PrivacySettings;

/**
 * What the desktop app remembers between runs, in {@code desktop.json} beside the CLI's settings: the
 * theme, the window's place and size, and the lock and privacy settings (the app passphrase's Argon2id hash,
 * never the passphrase). A missing or damaged file means the defaults, never an error; a damaged passphrase
 * hash is not used, and {@link PrivacySettings#problem()} says why.
 */
public record DesktopSettings(boolean dark, double x, double y, double width, double height, boolean maximized,
        PrivacySettings privacy) {

    public static final String FILE = "desktop.json";
    private static final double DEFAULT_WIDTH = 1100;
    private static final double DEFAULT_HEIGHT = 720;
    public static final DesktopSettings DEFAULT = new DesktopSettings(false, Double.NaN, Double.NaN, DEFAULT_WIDTH, DEFAULT_HEIGHT, false,
            PrivacySettings.NONE);

    /** The smallest window the screens are laid out for. */
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 600;


    public DesktopSettings {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : DEFAULT_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : DEFAULT_HEIGHT;
        privacy = privacy == null ? PrivacySettings.NONE : privacy;
    }

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    public DesktopSettings withDark(boolean value) {
        return new DesktopSettings(value, x, y, width, height, maximized, privacy);
    }

    public DesktopSettings withWindow(double newX, double newY, double newWidth, double newHeight, boolean isMaximized) {
        return new DesktopSettings(dark, newX, newY, newWidth, newHeight, isMaximized, privacy);
    }

    public DesktopSettings withPrivacy(PrivacySettings value) {
        return new DesktopSettings(dark, x, y, width, height, maximized, value);
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
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1); // it may have grown since it was measured
            }
            if (bytes.length > MAX_BYTES) {
                return DEFAULT;
            }
            JsonNode json = Json.read(bytes);
            if (json == null || !json.isObject()) {
                return DEFAULT;
            }
            return new DesktopSettings(json.path("theme").asText("light").equals("dark"),
                    number(json.path("window").path("x")), number(json.path("window").path("y")),
                    number(json.path("window").path("width")), number(json.path("window").path("height")),
                    json.path("window").path("maximized").asBoolean(false), privacy(json, file));
        } catch (IOException e) {
            return DEFAULT;
        }
    }

    /** The lock and privacy settings; a passphrase hash out of bounds or malformed is refused, with the reason. */
    private static PrivacySettings privacy(JsonNode json, Path file) {
        JsonNode lock = json.path("lock");
        int idle = lock.path("idleMinutes").isIntegralNumber() ? lock.path("idleMinutes").asInt() : PrivacySettings.DEFAULT_IDLE_MINUTES;
        boolean hide = json.path("hideAmounts").asBoolean(false);
        boolean desktop = json.path("desktopNotifications").asBoolean(true);
        JsonNode kept = lock.get("passphrase");
        if (kept == null || kept.isNull()) {
            return new PrivacySettings(Optional.empty(), idle, hide, desktop, Optional.empty());
        }
        try {
            return new PrivacySettings(Optional.of(passphrase(kept)), idle, hide, desktop, Optional.empty());
        } catch (IllegalArgumentException e) {
            return new PrivacySettings(Optional.empty(), idle, hide, desktop, Optional.of("The app passphrase kept in " + file
                    + " is damaged or was not written by Cavos Desktop: " + e.getMessage() + ". It is not used, so the app is not"
                    + " locked; set a passphrase again."));
        }
    }

    private static PassphraseHash passphrase(JsonNode kept) {
        if (!kept.isObject()) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        return PassphraseHash.restore(kept.path("kdf").isTextual() ? kept.path("kdf").textValue() : null, whole(kept, "memoryKiB"),
                whole(kept, "iterations"), whole(kept, "parallelism"), bytes(kept, "salt"), bytes(kept, "hash"));
    }

    private static int whole(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("its " + field + " is " + (value == null ? "missing" : "not a whole number"));
        }
        return value.intValue();
    }

    /** Base64, no longer than {@link #MAX_FIELD_CHARS} characters. */
    private static byte[] bytes(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual() || value.textValue().length() > MAX_FIELD_CHARS) {
            throw new IllegalArgumentException("its " + field + " is " + (value == null ? "missing" : "not Base64 of a few bytes"));
        }
        try {
            return Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its " + field + " is not Base64");
        }
    }

    /** Longer than any salt or hash the app accepts, in Base64. */
    private static final int MAX_FIELD_CHARS = 128;

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    public void save(Path home) throws IOException {
        ObjectNode json = Json.object();
        json.put("theme", dark ? "dark" : "light");
        ObjectNode window = json.putObject("window");
        if (hasPosition()) {
            window.put("x", x).put("y", y);
        }
        window.put("width", width).put("height", height).put("maximized", maximized);
        json.put("hideAmounts", privacy.hideAmounts());
        json.put("desktopNotifications", privacy.desktopNotifications());
        ObjectNode lock = json.putObject("lock");
        lock.put("idleMinutes", privacy.idleMinutes());
        privacy.passphrase().ifPresent(hash -> lock.putObject("passphrase")
                .put("kdf", PassphraseHash.KDF)
                .put("memoryKiB", hash.memoryKiB())
                .put("iterations", hash.iterations())
                .put("parallelism", hash.parallelism())
                .put("salt", Base64.getEncoder().encodeToString(hash.salt()))
                .put("hash", Base64.getEncoder().encodeToString(hash.hash())));
        PrivateFiles.writeAtomically(home.resolve(FILE), Json.prettyBytes(json));
    }
}
