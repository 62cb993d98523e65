package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import xyz.cavos.wallet.starknet.Felt;

/**
 * The sandbox's state as JSON: world state, blocks, transactions and the clock offset, so a session
 * survives a restart ({@code --state file}, {@code devnet_dump}/{@code devnet_load}).
 */
final class StateFile {

    /**
     * 2: Cavos accounts keep their sessions as the account's raw storage (slot address to value). Files of
     * format 1 held them as records and are refused: their sessions cannot be carried over faithfully.
     */
    private static final int FORMAT = 2;
    private static final ObjectMapper JSON = mapper();

    private StateFile() {
    }

    private static ObjectMapper mapper() {
        SimpleModule felts = new SimpleModule("felts");
        felts.addSerializer(Felt.class, new JsonSerializer<>() {
            @Override
            public void serialize(Felt value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toHex());
            }
        });
        felts.addDeserializer(Felt.class, new JsonDeserializer<>() {
            @Override
            public Felt deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Felt.parse(p.getValueAsString());
            }
        });
        felts.addKeyDeserializer(Felt.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return Felt.parse(key);
            }
        });
        return JsonMapper.builder()
                .addModule(felts)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS, false)
                .build();
    }

    static ObjectNode toJson(Chain chain) {
        synchronized (chain) {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            root.put("chain_id", chain.chainId.toHex());
            root.put("time_offset", chain.timeOffset);
            root.set("world", JSON.valueToTree(chain.world));
            root.set("blocks", JSON.valueToTree(chain.blocks));
            root.set("transactions", JSON.valueToTree(List.copyOf(chain.transactions.values())));
            return root;
        }
    }

    static void write(Chain chain, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".sandbox-state", ".json");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), toJson(chain));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the sandbox state to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the chain's state with the file's. The chain id must match. */
    static void read(Chain chain, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the sandbox state file " + file + ": " + e.getMessage(), e);
        }
        if (root != null && root.path("format").isInt() && root.path("format").asInt() < FORMAT && root.has("world")) {
            throw new IllegalArgumentException(file + " was written by an older sandbox (format " + root.path("format").asInt()
                    + ", before accounts kept the Cavos storage layout) and cannot be loaded: start without it for a fresh chain");
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException(file + " is not a Cavos sandbox state file (format " + FORMAT + ")");
        }
        if (!Felt.parse(root.path("chain_id").asText("0x0")).equals(chain.chainId)) {
            throw new IllegalArgumentException(file + " belongs to another chain (" + root.path("chain_id").asText() + ")");
        }
        try {
            WorldState world = JSON.treeToValue(root.get("world"), WorldState.class);
            List<Chain.Block> blocks = JSON.convertValue(root.get("blocks"), new TypeReference<>() { });
            List<Chain.Transaction> transactions = JSON.convertValue(root.get("transactions"), new TypeReference<>() { });
            synchronized (chain) {
                chain.world = world;
                chain.blocks.clear();
                chain.blocks.addAll(blocks);
                chain.transactions.clear();
                transactions.forEach(tx -> chain.transactions.put(tx.hash(), tx));
                chain.timeOffset = root.path("time_offset").asLong();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The sandbox state file " + file + " is damaged: " + e.getMessage(), e);
        }
    }
}
