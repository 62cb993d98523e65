package xyz.cavos.wallet.starknet;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * SNIP-12 revision 1 typed data: the message hash a Starknet account signs for off-chain messages and
 * outside execution (SNIP-9). Revision 0 (Pedersen) is not supported: Cavos accounts use revision 1.
 */
public final class TypedData {

    private static final String DOMAIN_TYPE = "StarknetDomain";
    private static final Felt MESSAGE_PREFIX = Felt.fromShortString("StarkNet Message");
    private static final int BYTES_PER_WORD = 31;

    /** One member of a struct or enum type. {@code contains} is set for {@code enum} and {@code merkletree}. */
    public record Member(String name, String type, Optional<String> contains) {
    }

    private static final Map<String, List<Member>> PRESET_TYPES = Map.of(
            "u256", List.of(member("low", "u128"), member("high", "u128")),
            "TokenAmount", List.of(member("token_address", "ContractAddress"), member("amount", "u256")),
            "NftId", List.of(member("collection_address", "ContractAddress"), member("token_id", "u256")));

    private final Map<String, List<Member>> types;
    private final String primaryType;
    private final JsonNode domain;
    private final JsonNode message;

    private TypedData(Map<String, List<Member>> types, String primaryType, JsonNode domain, JsonNode message) {
        this.types = types;
        this.primaryType = primaryType;
        this.domain = domain;
        this.message = message;
    }

    public static TypedData parse(String json) {
        try {
            return of(Json.read(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidValueException("Typed data is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static TypedData of(JsonNode root) {
        JsonNode typesNode = root.path("types");
        String primary = root.path("primaryType").asText("");
        JsonNode domainNode = root.path("domain");
        JsonNode messageNode = root.path("message");
        if (!typesNode.isObject() || primary.isEmpty() || !domainNode.isObject() || !messageNode.isObject()) {
            throw new InvalidValueException("Typed data needs the keys types, primaryType, domain and message");
        }
        if (!typesNode.has(DOMAIN_TYPE) || !"1".equals(domainNode.path("revision").asText())) {
            throw new InvalidValueException("Typed data is not SNIP-12 revision 1 (a StarknetDomain type and "
                    + "domain.revision 1 are required); revision 0 messages are not supported");
        }
        Map<String, List<Member>> types = new LinkedHashMap<>();
        typesNode.properties().forEach(entry -> {
            List<Member> members = new ArrayList<>();
            for (JsonNode m : entry.getValue()) {
                members.add(new Member(m.path("name").asText(), m.path("type").asText(),
                        m.hasNonNull("contains") ? Optional.of(m.get("contains").asText()) : Optional.empty()));
            }
            types.put(entry.getKey(), List.copyOf(members));
        });
        if (!types.containsKey(primary)) {
            throw new InvalidValueException("Typed data's primaryType \"" + primary + "\" is not among its types");
        }
        return new TypedData(Map.copyOf(types), primary, domainNode, messageNode);
    }

    /** The hash an account signs: Poseidon('StarkNet Message', domain hash, account, message hash). */
    public Felt messageHash(Felt account) {
        return Poseidon.hashMany(MESSAGE_PREFIX, structHash(DOMAIN_TYPE, domain), account,
                structHash(primaryType, message));
    }

    /** sn_keccak of the encoded type, e.g. the SNIP-9 {@code OutsideExecution} type hash. */
    public Felt typeHash(String type) {
        return Selector.snKeccak(encodeType(type));
    }

    /** The type with its dependencies, primary first, then the rest sorted by name. */
    public String encodeType(String type) {
        TreeSet<String> dependencies = new TreeSet<>();
        collectDependencies(type, null, dependencies);
        dependencies.remove(type);
        List<String> ordered = new ArrayList<>();
        ordered.add(type);
        ordered.addAll(dependencies);
        StringBuilder out = new StringBuilder();
        for (String name : ordered) {
            out.append(quote(name)).append('(');
            List<Member> members = definition(name);
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                if (i > 0) {
                    out.append(',');
                }
                String target = m.type().equals("enum") ? m.contains().orElse("") : m.type();
                out.append(quote(m.name())).append(':').append(encodeTypeReference(target));
            }
            out.append(')');
        }
        return out.toString();
    }

    public Felt structHash(String type, JsonNode data) {
        List<Member> members = definition(type);
        List<Felt> encoded = new ArrayList<>(members.size() + 1);
        encoded.add(typeHash(type));
        for (Member m : members) {
            JsonNode value = data.get(m.name());
            if (value == null || (value.isNull() && !m.type().equals("enum"))) {
                throw new InvalidValueException("Typed data is missing a value for '" + m.name() + "' of " + type);
            }
            encoded.add(encodeValue(m.type(), value, type, m));
        }
        return Poseidon.hashMany(encoded);
    }

    private void collectDependencies(String type, String contains, TreeSet<String> found) {
        String base = type;
        if (base.endsWith("*")) {
            base = base.substring(0, base.length() - 1);
        } else if (base.equals("enum") && contains != null) {
            base = contains;
        } else if (isTuple(base)) {
            base = base.substring(1, base.length() - 1);
        }
        if (found.contains(base) || !isStruct(base)) {
            return;
        }
        found.add(base);
        for (Member m : definition(base)) {
            collectDependencies(m.type(), m.contains().orElse(null), found);
        }
    }

    private Felt encodeValue(String type, JsonNode value, String parentType, Member member) {
        if (isStruct(type)) {
            return structHash(type, value);
        }
        if (type.endsWith("*")) {
            String element = type.substring(0, type.length() - 1);
            List<Felt> hashes = new ArrayList<>();
            for (JsonNode item : value) {
                hashes.add(encodeValue(element, item, parentType, member));
            }
            return Poseidon.hashMany(hashes);
        }
        return switch (type) {
            case "enum" -> encodeEnum(value, member, parentType);
            case "merkletree" -> encodeMerkleTree(value, member, parentType);
            case "selector" -> {
                String text = value.asText();
                yield text.startsWith("0x") || text.startsWith("0X") ? Felt.parse(text) : Selector.of(text);
            }
            case "string" -> byteArrayHash(value.asText());
            case "bool" -> value.isBoolean() ? (value.booleanValue() ? Felt.ONE : Felt.ZERO) : basicValue(value);
            case "i128" -> signedValue(value);
            case "felt", "u128", "ContractAddress", "ClassHash", "timestamp", "shortstring" -> basicValue(value);
            default -> throw new InvalidValueException("Typed data uses an unsupported type \"" + type + "\"");
        };
    }

    private Felt encodeEnum(JsonNode value, Member member, String parentType) {
        String enumType = member.contains().orElseThrow(() ->
                new InvalidValueException("Enum member '" + member.name() + "' of " + parentType + " has no 'contains'"));
        if (!value.isObject() || value.size() != 1) {
            throw new InvalidValueException("Enum value for '" + member.name() + "' must be an object with one variant");
        }
        var variantEntry = value.properties().iterator().next();
        List<Member> variants = definition(enumType);
        int index = -1;
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).name().equals(variantEntry.getKey())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new InvalidValueException("Enum " + enumType + " has no variant \"" + variantEntry.getKey() + "\"");
        }
        List<Felt> encoded = new ArrayList<>();
        encoded.add(Felt.of(index));
        String inner = variants.get(index).type();
        inner = isTuple(inner) ? inner.substring(1, inner.length() - 1) : inner;
        if (!inner.isEmpty()) {
            String[] parameterTypes = inner.split(",");
            JsonNode data = variantEntry.getValue();
            for (int i = 0; i < parameterTypes.length; i++) {
                encoded.add(encodeValue(parameterTypes[i], data.get(i), enumType, variants.get(index)));
            }
        }
        return Poseidon.hashMany(encoded);
    }

    private Felt encodeMerkleTree(JsonNode value, Member member, String parentType) {
        String leafType = member.contains().orElseThrow(() ->
                new InvalidValueException("Merkle tree '" + member.name() + "' of " + parentType + " has no 'contains'"));
        if (leafType.endsWith("*")) {
            throw new InvalidValueException("Merkle tree '" + member.name() + "' must not contain an array type");
        }
        List<Felt> leaves = new ArrayList<>();
        for (JsonNode item : value) {
            leaves.add(encodeValue(leafType, item, parentType, member));
        }
        if (leaves.isEmpty()) {
            throw new InvalidValueException("Merkle tree '" + member.name() + "' has no leaves");
        }
        while (leaves.size() > 1) {
            List<Felt> next = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i += 2) {
                Felt a = leaves.get(i);
                Felt b = i + 1 < leaves.size() ? leaves.get(i + 1) : Felt.ZERO;
                next.add(a.compareTo(b) <= 0 ? Poseidon.hash(a, b) : Poseidon.hash(b, a));
            }
            leaves = next;
        }
        return leaves.getFirst();
    }

    /** A felt value: a JSON number, a numeric string (hex or decimal), or else a short string. */
    private static Felt basicValue(JsonNode value) {
        if (value.isIntegralNumber()) {
            return Felt.of(value.bigIntegerValue());
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? Felt.ONE : Felt.ZERO;
        }
        String text = value.asText();
        try {
            return Felt.parse(text);
        } catch (InvalidValueException notNumeric) {
            return Felt.fromShortString(text);
        }
    }

    /** i128: negative values wrap to P - |v|, as Cairo represents them in a felt. */
    private static Felt signedValue(JsonNode value) {
        BigInteger number = value.isIntegralNumber() ? value.bigIntegerValue() : null;
        if (number == null && value.asText().matches("-[0-9]{1,39}")) {
            number = new BigInteger(value.asText());
        }
        if (number != null && number.signum() < 0) {
            return Felt.of(number.mod(Felt.PRIME));
        }
        return basicValue(value);
    }

    /** Hash of a Cairo ByteArray: [full word count, words…, pending word, pending length]. */
    static Felt byteArrayHash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int fullWords = bytes.length / BYTES_PER_WORD;
        List<Felt> elements = new ArrayList<>();
        elements.add(Felt.of(fullWords));
        for (int i = 0; i < fullWords; i++) {
            elements.add(Felt.of(new BigInteger(1,
                    Arrays.copyOfRange(bytes, i * BYTES_PER_WORD, (i + 1) * BYTES_PER_WORD))));
        }
        byte[] pending = Arrays.copyOfRange(bytes, fullWords * BYTES_PER_WORD, bytes.length);
        elements.add(Felt.of(new BigInteger(1, pending)));
        elements.add(Felt.of(pending.length));
        return Poseidon.hashMany(elements);
    }

    private List<Member> definition(String type) {
        List<Member> members = types.get(type);
        if (members == null) {
            members = PRESET_TYPES.get(type);
        }
        if (members == null) {
            throw new InvalidValueException("Typed data refers to an undefined type \"" + type + "\"");
        }
        return members;
    }

    private boolean isStruct(String type) {
        return types.containsKey(type) || PRESET_TYPES.containsKey(type);
    }

    private static boolean isTuple(String type) {
        return type.length() >= 2 && type.startsWith("(") && type.endsWith(")");
    }

    private static String encodeTypeReference(String type) {
        if (!isTuple(type)) {
            return quote(type);
        }
        String[] parts = type.substring(1, type.length() - 1).split(",", -1);
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(parts[i].isEmpty() ? "" : quote(parts[i]));
        }
        return out.append(')').toString();
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }

    private static Member member(String name, String type) {
        return new Member(name, type, Optional.empty());
    }
}
