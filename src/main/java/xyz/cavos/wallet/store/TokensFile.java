package xyz.cavos.wallet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import xyz.cavos.wallet.cavos.TokenMetadata;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Json;

/**
 * The tokens this installation knows beyond the built-in ones, {@code tokens.json} in the config folder: per network
 * (by chain id), each token's address, the symbol and decimals its contract gave, and why it is there (named by a
 * session's policy, or added by hand). It spares a refresh the metadata reads. Nothing in it is secret; it is read
 * bounded, the symbols checked again, and changed under the config folder's lock.
 */
public final class TokensFile {

    static final String FILE = "tokens.json";
    /** Tokens kept per network. */
    public static final int MAX_PER_NETWORK = 100;
    /** Networks kept. */
    private static final int MAX_NETWORKS = 50;
    private static final String FIX = "Delete it: it only remembers token symbols and the tokens you added, which can be added again.";

    /** Why a token is listed. */
    public enum Source {
        /** A session's spending policy names it. */
        POLICY,
        /** Added by hand. */
        USER
    }

    /** A token as remembered: the symbol and decimals its contract answered. */
    public record Entry(Felt address, String symbol, int decimals, Source source) {
    }

    private final Path home;

    private TokensFile(Path home) {
        this.home = home;
    }

    /** The file in the config folder {@code home}; nothing is read until asked. */
    public static TokensFile in(Path home) {
        return new TokensFile(home);
    }

    public Path path() {
        return home.resolve(FILE);
    }

    /** The tokens remembered for the network with this chain id, in the order they were added. */
    public List<Entry> read(Felt chainId) {
        return readAll().getOrDefault(chainId, List.of());
    }

    /**
     * Reads, applies {@code edit} to one network's list and writes the result under the config folder's lock;
     * the list is cut to {@link #MAX_PER_NETWORK}. A damaged file stops the change and is left as it is.
     */
    public List<Entry> change(Felt chainId, UnaryOperator<List<Entry>> edit) {
        return SettingsLock.holding(home, () -> {
            Map<Felt, List<Entry>> all = new LinkedHashMap<>(readAll());
            List<Entry> next = List.copyOf(edit.apply(all.getOrDefault(chainId, List.of())));
            if (next.size() > MAX_PER_NETWORK) {
                throw new StoreException(StoreException.Reason.IO, "At most " + MAX_PER_NETWORK + " tokens are kept per network.",
                        "Remove a token you no longer need first.");
            }
            if (next.isEmpty()) {
                all.remove(chainId);
            } else {
                all.put(chainId, next);
            }
            SettingsLock.write(path(), toJson(all));
            return next;
        });
    }

    private Map<Felt, List<Entry>> readAll() {
        return PrivateFiles.readObject(path(), "list of tokens", FIX, TokensFile::parse).orElse(Map.of());
    }

    private static Map<Felt, List<Entry>> parse(JsonNode root) {
        JsonNode networks = root.path("networks");
        if (!networks.isObject() || networks.size() > MAX_NETWORKS) {
            throw new IllegalArgumentException("no networks");
        }
        Map<Felt, List<Entry>> all = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = networks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> network = it.next();
            JsonNode tokens = network.getValue();
            if (!tokens.isArray() || tokens.size() > MAX_PER_NETWORK) {
                throw new IllegalArgumentException("not a list of tokens");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode token : tokens) {
                JsonNode decimals = token.path("decimals");
                if (!decimals.isInt() || decimals.asInt() < 0 || decimals.asInt() > TokenMetadata.MAX_DECIMALS) {
                    throw new IllegalArgumentException("decimals out of range");
                }
                entries.add(new Entry(Felt.parse("Token address", text(token, "address", Felt.MAX_HEX_CHARS)),
                        TokenMetadata.checkSymbol(text(token, "symbol", 4 * TokenMetadata.MAX_SYMBOL_CHARS)), decimals.asInt(),
                        Source.valueOf(text(token, "source", 10).toUpperCase(Locale.ROOT))));
            }
            all.put(Felt.parse("Chain id", network.getKey()), List.copyOf(entries));
        }
        return all;
    }

    private static String text(JsonNode item, String field, int max) {
        JsonNode value = item.path(field);
        if (!value.isTextual() || value.asText().length() > max) {
            throw new IllegalArgumentException(field + " is not short text");
        }
        return value.asText();
    }

    private static byte[] toJson(Map<Felt, List<Entry>> all) {
        ObjectNode root = Json.object();
        root.put("version", 1);
        ObjectNode networks = root.putObject("networks");
        all.forEach((chainId, entries) -> {
            ArrayNode list = networks.putArray(chainId.toHex());
            entries.forEach(e -> list.addObject().put("address", e.address().toPaddedHex()).put("symbol", e.symbol())
                    .put("decimals", e.decimals()).put("source", e.source().name().toLowerCase(Locale.ROOT)));
        });
        return Json.prettyBytes(root);
    }
}
