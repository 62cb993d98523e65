package xyz.cavos.wallet.cavos;

import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The session token the Cavos dashboard exports for the command line: standard Base64 of a JSON object
 * holding the session private key, its public key, the nonce parameters, the wallet address and,
 * optionally, the policy. Decoding validates it (the key derives the public key, the nonce is
 * Poseidon(public key, valid until, randomness)); the private key never leaves this object except
 * through {@link #sign} and {@link #encode}, and {@link #toString} does not show it. The text is read and
 * written by {@link TokenText}, the JSON fields by {@link TokenJson}.
 */
public final class SessionToken {

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
    /** The JSON bytes of an imported token, written back unchanged; null for a token made here. */
    private final byte[] exportedJson;

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
        this.exportedJson = b.exportedJson;
    }

    /** The session nonce the account stores: Poseidon(public key, valid until, randomness). */
    public static Felt computeNonce(Felt publicKey, long validUntil, Felt randomness) {
        return Poseidon.hashMany(publicKey, Felt.of(validUntil), randomness);
    }

    public static Builder builder(Felt privateKey, Felt walletAddress) {
        return new Builder(privateKey, walletAddress);
    }

    /**
     * Decodes a pasted token. Tolerates surrounding blanks (zero-width ones too) and quotes (curly ones too),
     * line breaks, a leading {@code export CAVOS_TOKEN=}, missing padding and the URL-safe Base64 alphabet.
     */
    public static SessionToken decode(String pasted) {
        return TokenJson.read(TokenText.read(pasted));
    }

    /**
     * The token as the dashboard exports it. An imported token gives back exactly the text that was exported
     * (its JSON kept byte for byte, so unknown fields, spelling and key order survive); a token made here is
     * Base64 of the JSON with the fields in the dashboard's order.
     */
    public String encode() {
        return TokenText.write(exportedJson != null ? exportedJson : TokenText.jsonBytes(TokenJson.write(this, privateKey)));
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
        private byte[] exportedJson;

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

        /** The JSON the token was decoded from, to be encoded back unchanged. */
        Builder exportedJson(byte[] json) {
            this.exportedJson = json.clone();
            return this;
        }

        public SessionToken build() {
            return new SessionToken(this);
        }
    }
}
