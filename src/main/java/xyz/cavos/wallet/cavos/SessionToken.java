package xyz.cavos.wallet.cavos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The session token the Cavos dashboard exports for the command line: standard Base64 of a JSON object
 * holding the session private key, its public key, the nonce parameters, the wallet address and,
 * optionally, the policy. Decoding validates it (the key derives the public key, the nonce is
 * Poseidon(public key, valid until, randomness)); the private key never leaves this object except
 * through {@link #sign} and {@link #encode}, and {@link #toString} does not show it.
 */
public final class SessionToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEXT_STEP = "Export the session again from the Cavos dashboard (Settings → Sessions → Export for CLI).";

    private final Felt privateKey;
    private final Felt sessionPublicKey;
    private final long validAfter;
    private final long validUntil;
    private final long renewalDeadline;
    private final Felt randomness;
    private final Felt nonce;
    private final Felt walletAddress;
    private final Optional<Felt> addressSeed;
    private final Felt appSalt;
    private final Optional<String> walletName;
    private final Optional<SessionPolicy> policy;
    private final Optional<String> network;
    private final Optional<Felt> chainId;
    private final Optional<String> rpcUrl;

    private SessionToken(Builder b) {
        this.privateKey = b.privateKey;
        this.sessionPublicKey = StarkCurve.publicKey(b.privateKey);
        this.validAfter = b.validAfter;
        this.validUntil = b.validUntil;
        this.renewalDeadline = b.renewalDeadline;
        this.randomness = b.randomness;
        this.nonce = computeNonce(sessionPublicKey, validUntil, randomness);
        this.walletAddress = b.walletAddress;
        this.addressSeed = b.addressSeed;
        this.appSalt = b.appSalt;
        this.walletName = b.walletName;
        this.policy = b.policy;
        this.network = b.network;
        this.chainId = b.chainId;
        this.rpcUrl = b.rpcUrl;
    }

    /** The session nonce the account stores: Poseidon(public key, valid until, randomness). */
    public static Felt computeNonce(Felt publicKey, long validUntil, Felt randomness) {
        return Poseidon.hashMany(publicKey, Felt.of(validUntil), randomness);
    }

    public static Builder builder(Felt privateKey, Felt walletAddress) {
        return new Builder(privateKey, walletAddress);
    }

    /**
     * Decodes a pasted token. Tolerates surrounding whitespace and quotes, line breaks, a leading
     * {@code export CAVOS_TOKEN=}, missing padding and the URL-safe Base64 alphabet.
     */
    public static SessionToken decode(String pasted) {
        String text = clean(pasted);
        if (text.isEmpty()) {
            throw new InvalidTokenException("The session token is empty. Paste the token exported from the Cavos dashboard (it starts with eyJ).");
        }
        byte[] bytes;
        try {
            bytes = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The session token is not valid Base64: it should be one line of letters, digits, "
                    + "+ and / starting with eyJ. It may have been cut when copying. " + NEXT_STEP);
        }
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input, which holds the key: never pass it on.
            throw new InvalidTokenException("The session token does not decode to JSON: it is truncated or not a Cavos session token. " + NEXT_STEP);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTokenException("The session token does not decode to a JSON object: it is not a Cavos session token. " + NEXT_STEP);
        }
        return fromJson(root);
    }

    private static String clean(String pasted) {
        if (pasted == null) {
            return "";
        }
        String text = pasted.strip();
        for (String prefix : new String[] {"export CAVOS_TOKEN=", "CAVOS_TOKEN="}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length()).strip();
            }
        }
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'') && text.charAt(text.length() - 1) == text.charAt(0)) {
            text = text.substring(1, text.length() - 1);
        }
        text = text.replaceAll("\\s+", "");
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static SessionToken fromJson(JsonNode root) {
        Felt privateKey = privateKey(root.get("sessionPrivateKey"));
        Felt declaredPublicKey = felt(root, "sessionPubKey");
        JsonNode params = root.get("nonceParams");
        if (params == null || !params.isObject()) {
            throw missing("nonceParams");
        }
        Builder b = builder(privateKey, felt(root, "walletAddress"))
                .validity(u64(params, "validAfter"), u64(params, "validUntil"), u64(params, "renewalDeadline"))
                .randomness(felt(params, "randomness"));
        String seed = root.path("addressSeed").asText("");
        if (!seed.isEmpty()) {
            b.addressSeed(Optional.of(felt(root, "addressSeed")));
        }
        if (root.hasNonNull("appSalt")) {
            b.appSalt(felt(root, "appSalt"));
        }
        if (root.hasNonNull("walletName")) {
            b.walletName(Optional.of(root.get("walletName").asText()));
        }
        if (root.hasNonNull("sessionPolicy")) {
            b.policy(Optional.of(policy(root.get("sessionPolicy"))));
        }
        if (root.hasNonNull("network")) {
            b.network(Optional.of(root.get("network").asText()));
        }
        if (root.hasNonNull("chainId")) {
            b.chainId(Optional.of(chainId(root.get("chainId").asText())));
        }
        if (root.hasNonNull("rpcUrl")) {
            b.rpcUrl(Optional.of(root.get("rpcUrl").asText()));
        }
        // One build derives the public key and the nonce; both must match what the token declares.
        SessionToken token = b.build();
        if (!token.sessionPublicKey.equals(declaredPublicKey)) {
            throw new InvalidTokenException("The session token's private key does not belong to its public key (sessionPubKey): "
                    + "the token was altered or damaged. " + NEXT_STEP);
        }
        if (params.hasNonNull("sessionPubKey") && !felt(params, "sessionPubKey").equals(declaredPublicKey)) {
            throw new InvalidTokenException("The session token names two different session public keys. " + NEXT_STEP);
        }
        if (!token.nonce.equals(felt(root, "nonce"))) {
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

    private static SessionPolicy policy(JsonNode node) {
        List<Felt> allowed = new ArrayList<>();
        for (JsonNode contract : node.path("allowedContracts")) {
            allowed.add(feltValue("sessionPolicy.allowedContracts", contract.asText()));
        }
        List<SpendingLimit> limits = new ArrayList<>();
        for (JsonNode limit : node.path("spendingLimits")) {
            Felt token = feltValue("sessionPolicy.spendingLimits.token", limit.path("token").asText());
            U256 amount;
            try {
                amount = U256.parse(limit.path("limit").asText());
            } catch (InvalidValueException e) {
                throw new InvalidTokenException("The session token's spending limit for " + token.toHex()
                        + " is not a whole number of base units: " + e.getMessage());
            }
            limits.add(new SpendingLimit(token, amount));
        }
        JsonNode maxCalls = node.get("maxCallsPerTx");
        int max = SessionPolicy.SDK_DEFAULT.maxCallsPerTx();
        if (maxCalls != null && !maxCalls.isNull()) {
            if (!maxCalls.canConvertToInt() || maxCalls.asLong() < 0 || maxCalls.asLong() > 0xFFFF_FFFFL) {
                throw new InvalidTokenException("The session token's maxCallsPerTx is not a whole number from 0 to 4294967295.");
            }
            max = maxCalls.asInt();
        }
        return new SessionPolicy(allowed, limits, max);
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

    private static long u64(JsonNode node, String field) {
        Felt value = felt(node, field);
        if (value.value().bitLength() > 63) {
            throw new InvalidTokenException("The session token's " + field + " is not a unix time. " + NEXT_STEP);
        }
        return value.longValueExact();
    }

    private static InvalidTokenException missing(String field) {
        return new InvalidTokenException("The session token has no " + field + ": it is incomplete or not a Cavos session token. " + NEXT_STEP);
    }

    /** The token as the dashboard exports it: Base64 of the JSON, fields in the dashboard's order. */
    public String encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("sessionPrivateKey", privateKey.toHex());
        root.put("sessionPubKey", sessionPublicKey.toHex());
        ObjectNode params = root.putObject("nonceParams");
        params.put("sessionPubKey", sessionPublicKey.toHex());
        params.put("validAfter", Long.toString(validAfter));
        params.put("validUntil", Long.toString(validUntil));
        params.put("renewalDeadline", Long.toString(renewalDeadline));
        params.put("randomness", randomness.toDecimalString());
        root.put("nonce", nonce.toHex());
        root.put("walletAddress", walletAddress.toHex());
        root.put("addressSeed", addressSeed.map(Felt::toHex).orElse(""));
        root.put("appSalt", appSalt.toHex());
        walletName.ifPresent(name -> root.put("walletName", name));
        policy.ifPresent(p -> {
            ObjectNode node = root.putObject("sessionPolicy");
            ArrayNode limits = node.putArray("spendingLimits");
            p.spendingLimits().forEach(l -> limits.addObject().put("token", l.token().toHex()).put("limit", l.limit().toString()));
            ArrayNode allowed = node.putArray("allowedContracts");
            p.allowedContracts().forEach(c -> allowed.add(c.toHex()));
            node.put("maxCallsPerTx", p.maxCallsPerTx());
        });
        network.ifPresent(n -> root.put("network", n));
        chainId.ifPresent(c -> root.put("chainId", c.toHex()));
        rpcUrl.ifPresent(u -> root.put("rpcUrl", u));
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a session token", e);
        }
    }

    /** Signs a hash (a transaction hash, a renewal message) with the session key. */
    public StarkCurve.Signature sign(Felt hash) {
        return StarkCurve.sign(privateKey, hash);
    }

    /** True when both tokens hold the same session key. */
    public boolean sameSession(SessionToken other) {
        return sessionPublicKey.equals(other.sessionPublicKey) && walletAddress.equals(other.walletAddress);
    }

    public Felt sessionPublicKey() {
        return sessionPublicKey;
    }

    public long validAfter() {
        return validAfter;
    }

    public long validUntil() {
        return validUntil;
    }

    /** The renewal deadline as the exporting browser computed it; the chain's value is authoritative. */
    public long renewalDeadlineHint() {
        return renewalDeadline;
    }

    public Felt randomness() {
        return randomness;
    }

    public Felt nonce() {
        return nonce;
    }

    public Felt walletAddress() {
        return walletAddress;
    }

    public Optional<Felt> addressSeed() {
        return addressSeed;
    }

    public Felt appSalt() {
        return appSalt;
    }

    public Optional<String> walletName() {
        return walletName;
    }

    /** The policy the browser held at export time; absent when the session was created without one. */
    public Optional<SessionPolicy> policy() {
        return policy;
    }

    /** The policy the account enforces: the token's, or the SDK's defaults when it has none. */
    public SessionPolicy effectivePolicy() {
        return policy.orElse(SessionPolicy.SDK_DEFAULT);
    }

    public Optional<String> network() {
        return network;
    }

    public Optional<Felt> chainId() {
        return chainId;
    }

    public Optional<String> rpcUrl() {
        return rpcUrl;
    }

    @Override
    public String toString() {
        return "SessionToken[wallet=" + walletAddress.toHex() + ", sessionKey=" + sessionPublicKey.toHex()
                + ", validUntil=" + validUntil + network.map(n -> ", network=" + n).orElse("") + "]";
    }

    /** Builds tokens for the sandbox's dashboard, renewals and tests. */
    public static final class Builder {
        private final Felt privateKey;
        private final Felt walletAddress;
        private long validAfter;
        private long validUntil;
        private long renewalDeadline;
        private Felt randomness = Felt.ONE;
        private Optional<Felt> addressSeed = Optional.empty();
        private Felt appSalt = Felt.ZERO;
        private Optional<String> walletName = Optional.of("default");
        private Optional<SessionPolicy> policy = Optional.empty();
        private Optional<String> network = Optional.empty();
        private Optional<Felt> chainId = Optional.empty();
        private Optional<String> rpcUrl = Optional.empty();

        private Builder(Felt privateKey, Felt walletAddress) {
            if (privateKey.isZero() || privateKey.value().compareTo(StarkCurve.ORDER) >= 0) {
                throw new InvalidTokenException("A session private key must be in [1, n) of the Stark curve");
            }
            this.privateKey = privateKey;
            this.walletAddress = walletAddress;
        }

        public Builder validity(long after, long until, long renewalDeadlineValue) {
            this.validAfter = after;
            this.validUntil = until;
            this.renewalDeadline = renewalDeadlineValue;
            return this;
        }

        public Builder randomness(Felt value) {
            this.randomness = value;
            return this;
        }

        public Builder addressSeed(Optional<Felt> value) {
            this.addressSeed = value;
            return this;
        }

        public Builder appSalt(Felt value) {
            this.appSalt = value;
            return this;
        }

        public Builder walletName(Optional<String> value) {
            this.walletName = value;
            return this;
        }

        public Builder policy(Optional<SessionPolicy> value) {
            this.policy = value;
            return this;
        }

        public Builder network(Optional<String> value) {
            this.network = value;
            return this;
        }

        public Builder chainId(Optional<Felt> value) {
            this.chainId = value;
            return this;
        }

        public Builder rpcUrl(Optional<String> value) {
            this.rpcUrl = value;
            return this;
        }

        public SessionToken build() {
            return new SessionToken(this);
        }
    }
}
