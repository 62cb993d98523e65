package xyz.cavos.wallet.cavos;

import static xyz.cavos.wallet.cavos.TokenText.NEXT_STEP;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The fields of a session token's JSON object, as the Cavos dashboard names them. Reading checks each
 * field and then the token as a whole (the key derives the declared public key, the nonce matches);
 * every complaint says which field is wrong and never shows a value of the private key.
 */
final class TokenJson {

    private static final BigInteger LAST_DATE = BigInteger.valueOf(Instant.MAX.getEpochSecond());

    private TokenJson() {
    }

    /**
     * A token from its JSON object, checked field by field and then as a whole. It keeps the bytes it was read
     * from, so that encoding it gives back exactly the text that was imported.
     */
    static SessionToken read(TokenText.Decoded decoded) {
        JsonNode root = decoded.root();
        Felt privateKey = privateKey(root.get("sessionPrivateKey"));
        Felt declaredPublicKey = felt(root, "sessionPubKey");
        JsonNode params = root.get("nonceParams");
        if (params == null || !params.isObject()) {
            throw missing("nonceParams");
        }
        Felt wallet = felt(root, "walletAddress");
        if (wallet.isZero()) {
            throw new InvalidTokenException("The session token's walletAddress is zero: it names no wallet. " + NEXT_STEP);
        }
        SessionToken.Builder b = SessionToken.builder(privateKey, wallet)
                .validity(u64(params, "validAfter"), u64(params, "validUntil"), u64(params, "renewalDeadline"))
                .randomness(felt(params, "randomness"))
                .walletName(optionalText(root, "walletName"))
                .network(optionalText(root, "network"))
                .rpcUrl(optionalText(root, "rpcUrl"))
                .exportedJson(decoded.json());
        String seed = root.path("addressSeed").asText("");
        if (!seed.isEmpty()) {
            b.addressSeed(Optional.of(felt(root, "addressSeed")));
        }
        if (root.hasNonNull("appSalt")) {
            b.appSalt(felt(root, "appSalt"));
        }
        if (root.hasNonNull("sessionPolicy")) {
            b.policy(Optional.of(policy(root.get("sessionPolicy"))));
        }
        if (root.hasNonNull("chainId")) {
            b.chainId(Optional.of(chainId(root.get("chainId").asText())));
        }
        // One build derives the public key and the nonce; both must match what the token declares.
        SessionToken token = b.build();
        if (!token.sessionPublicKey().equals(declaredPublicKey)) {
            throw new InvalidTokenException("The session token's private key does not belong to its public key (sessionPubKey): "
                    + "the token was altered or damaged. " + NEXT_STEP);
        }
        if (params.hasNonNull("sessionPubKey") && !felt(params, "sessionPubKey").equals(declaredPublicKey)) {
            throw new InvalidTokenException("The session token names two different session public keys. " + NEXT_STEP);
        }
        if (!token.nonce().equals(felt(root, "nonce"))) {
            throw new InvalidTokenException("The session token's nonce does not match Poseidon(sessionPubKey, validUntil, randomness): "
                    + "the token was altered or damaged. " + NEXT_STEP);
        }
        return token;
    }

    /** A chain id as hex, decimal or its short-string name ("SN_SEPOLIA"). */
    private static Felt chainId(String text) {
        try {
            return text.startsWith("0x") || text.matches("[0-9]+") ? Felt.parse("chainId", text) : Felt.fromShortString(text);
        } catch (InvalidValueException e) {
            throw new InvalidTokenException("The session token's chainId is not a chain id: " + e.getMessage() + ". " + NEXT_STEP);
        }
    }

    private static Felt privateKey(JsonNode node) {
        if (node == null || node.isNull()) {
            throw missing("sessionPrivateKey");
        }
        BigInteger value;
        try {
            value = Felt.parse("sessionPrivateKey", node.asText()).value();
        } catch (InvalidValueException e) {
            throw new InvalidTokenException("The session token's sessionPrivateKey is not a hex number. " + NEXT_STEP);
        }
        if (value.signum() == 0 || value.compareTo(StarkCurve.ORDER) >= 0) {
            throw new InvalidTokenException("The session token's sessionPrivateKey is out of range for the Stark curve. " + NEXT_STEP);
        }
        return Felt.of(value);
    }

    /**
     * The policy as the SDK hands it to the chain: numbers go through JavaScript's {@code BigInt()}, which skips
     * surrounding blanks, so an address typed with a trailing space and {@code maxCallsPerTx} written as a string
     * are what the account registered.
     */
    private static SessionPolicy policy(JsonNode node) {
        if (!node.isObject()) {
            throw malformed("sessionPolicy", "is not a JSON object");
        }
        List<Felt> allowed = new ArrayList<>();
        for (JsonNode contract : array(node, "allowedContracts")) {
            allowed.add(feltValue("sessionPolicy.allowedContracts", number(contract, "sessionPolicy.allowedContracts")));
        }
        List<SpendingLimit> limits = new ArrayList<>();
        for (JsonNode limit : array(node, "spendingLimits")) {
            if (!limit.isObject()) {
                throw malformed("sessionPolicy.spendingLimits", "has an entry that is not a JSON object");
            }
            Felt token = feltValue("sessionPolicy.spendingLimits.token", number(limit.get("token"), "sessionPolicy.spendingLimits.token"));
            U256 amount;
            try {
                amount = U256.parse(number(limit.get("limit"), "sessionPolicy.spendingLimits.limit"));
            } catch (InvalidValueException e) {
                throw malformed("sessionPolicy.spendingLimits.limit", "for " + token.toHex() + " is not a whole number of base units: "
                        + e.getMessage());
            }
            limits.add(new SpendingLimit(token, amount));
        }
        JsonNode maxCalls = node.get("maxCallsPerTx");
        int max = maxCalls == null || maxCalls.isNull() ? SessionPolicy.SDK_DEFAULT.maxCallsPerTx() : maxCalls(maxCalls);
        return new SessionPolicy(allowed, limits, max);
    }

    private static int maxCalls(JsonNode node) {
        String field = "sessionPolicy.maxCallsPerTx";
        try {
            BigInteger value = Felt.parse(field, number(node, field)).value();
            if (value.bitLength() <= 31) {
                return value.intValueExact();
            }
        } catch (InvalidValueException e) {
            // not a number: the same message as one out of range
        }
        throw malformed(field, "is not a whole number from 0 to " + Integer.MAX_VALUE);
    }

    /** An optional list in the policy; absent or null is empty. */
    private static JsonNode array(JsonNode policy, String field) {
        JsonNode value = policy.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isArray()) {
            throw malformed("sessionPolicy." + field, "is not a JSON array");
        }
        return value;
    }

    /** The text of a number the SDK passes to {@code BigInt()}: a string, blanks around it skipped, or a JSON integer. */
    private static String number(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (!value.isTextual()) {
            throw malformed(field, "is not a number in a string");
        }
        return TokenText.trim(value.asText(), TokenText::isJsWhiteSpace);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(field, "is not a string");
        }
        return Optional.of(value.asText());
    }

    private static Felt felt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        return feltValue(field, value.asText());
    }

    private static Felt feltValue(String field, String text) {
        try {
            return Felt.parse(field, text);
        } catch (InvalidValueException e) {
            throw new InvalidTokenException("The session token's " + e.getMessage() + ". " + NEXT_STEP);
        }
    }

    /** A validity time the wallet can show as a date: at most the last second {@link Instant} holds. */
    private static long u64(JsonNode node, String field) {
        Felt value = felt(node, field);
        if (value.value().compareTo(LAST_DATE) > 0) {
            throw new InvalidTokenException("The session token's " + field + " is not a unix time. " + NEXT_STEP);
        }
        return value.longValueExact();
    }

    private static InvalidTokenException malformed(String field, String problem) {
        return new InvalidTokenException("The session token's " + field + " " + problem + ". " + NEXT_STEP);
    }

    private static InvalidTokenException missing(String field) {
        return new InvalidTokenException("The session token has no " + field + ": it is incomplete or not a Cavos session token. " + NEXT_STEP);
    }

    /** The token's fields in the dashboard's order; the private key is handed in by the token itself. */
    static ObjectNode write(SessionToken token, Felt privateKey) {
        ObjectNode root = TokenText.newObject();
        root.put("sessionPrivateKey", privateKey.toHex());
        root.put("sessionPubKey", token.sessionPublicKey().toHex());
        ObjectNode params = root.putObject("nonceParams");
        params.put("sessionPubKey", token.sessionPublicKey().toHex());
        params.put("validAfter", Long.toString(token.validAfter()));
        params.put("validUntil", Long.toString(token.validUntil()));
        params.put("renewalDeadline", Long.toString(token.renewalDeadlineHint()));
        params.put("randomness", token.randomness().toDecimalString());
        root.put("nonce", token.nonce().toHex());
        root.put("walletAddress", token.walletAddress().toHex());
        root.put("addressSeed", token.addressSeed().map(Felt::toHex).orElse(""));
        root.put("appSalt", token.appSalt().toHex());
        token.walletName().ifPresent(name -> root.put("walletName", name));
        token.policy().ifPresent(p -> {
            ObjectNode node = root.putObject("sessionPolicy");
            ArrayNode limits = node.putArray("spendingLimits");
            p.spendingLimits().forEach(l -> limits.addObject().put("token", l.token().toHex()).put("limit", l.limit().toString()));
            ArrayNode allowed = node.putArray("allowedContracts");
            p.allowedContracts().forEach(c -> allowed.add(c.toHex()));
            node.put("maxCallsPerTx", p.maxCallsPerTx());
        });
        token.network().ifPresent(n -> root.put("network", n));
        token.chainId().ifPresent(c -> root.put("chainId", c.toHex()));
        token.rpcUrl().ifPresent(u -> root.put("rpcUrl", u));
        return root;
    }
}
