package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.StoredSession;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The sandbox's stand-in for the Cavos dashboard: creates funded Cavos accounts and registers sessions on
 * them (as the dashboard's JWT-signed registration does: valid from an hour ago, a 48 h renewal grace),
 * then exports the session token.
 */
public final class SandboxDashboard {

    /** A session to register: its policy (empty: none in the token, the SDK defaults on chain) and timing. */
    public record SessionRequest(Optional<SessionPolicy> policy, long durationSeconds, long validAfterOffsetSeconds) {

        public static SessionRequest of(SessionPolicy policy, long durationSeconds) {
            return new SessionRequest(Optional.of(policy), durationSeconds, -3600);
        }

        /** The demo policy: STRK, ETH, USDC and the swap allowed; 100 STRK, 0.1 ETH, 50 USDC; 5 calls; 24 h. */
        public static SessionRequest demo() {
            return of(new SessionPolicy(
                    List.of(Token.STRK.address(), Token.ETH.address(), Token.USDC.address(), SandboxNode.DEMO_SWAP),
                    List.of(limit(Token.STRK, "100"), limit(Token.ETH, "0.1"), limit(Token.USDC, "50")),
                    5), 24 * 3600);
        }
    }

    /** A new account: how much of each token to fund it with (human amounts), and its first session. */
    public record WalletRequest(Map<Token, String> funding, SessionRequest session) {

        public static WalletRequest demo() {
            Map<Token, String> funding = new LinkedHashMap<>();
            funding.put(Token.STRK, "1000");
            funding.put(Token.ETH, "0.5");
            funding.put(Token.USDC, "250");
            return new WalletRequest(funding, SessionRequest.demo());
        }
    }

    /** An account the dashboard created, with the token of its session. */
    public record DemoWallet(Felt address, SessionToken token) {
    }

    /** A registered session: the four slots the account now holds for the key, and the policy stored with them. */
    public record RegisteredSession(Felt walletAddress, Felt sessionKey, StoredSession stored, SessionPolicy policy,
            Felt transactionHash) {
    }

    private static final BigInteger MAX_RANDOMNESS = BigInteger.ONE.shiftLeft(248);

    private final SandboxNode node;
    private final Chain chain;
    private final SecureRandom random = new SecureRandom();

    SandboxDashboard(SandboxNode node, Chain chain) {
        this.node = node;
        this.chain = chain;
    }

    public DemoWallet createWallet(WalletRequest request) {
        Felt seed = Felt.of(new BigInteger(248, random));
        Felt address = Felt.of(Poseidon.hashMany(Felt.fromShortString("cavos-sandbox-account"), seed).value()
                .mod(BigInteger.ONE.shiftLeft(251)));
        chain.deploy(world -> {
            WorldState.Account account = new WorldState.Account();
            new AccountStorage(account, chain.latest().number()).setAddressSeed(seed);
            world.accounts.put(address, account);
        });
        request.funding().forEach((token, amount) -> {
            U256 units = U256.parseAmount(amount, token.decimals());
            if (!units.value().equals(BigInteger.ZERO)) {
                node.mint(address, token, units);
            }
        });
        return new DemoWallet(address, registerSession(address, request.session()));
    }

    /** Registers a new session on an existing sandbox account and returns its token. */
    public SessionToken registerSession(Felt account, SessionRequest request) {
        Felt privateKey = StarkCurve.randomPrivateKey(random);
        long now = chain.now();
        long validAfter = now + request.validAfterOffsetSeconds();
        long validUntil = now + request.durationSeconds();
        long renewalDeadline = validUntil + CavosAccount.RENEWAL_GRACE_SECONDS;
        SessionToken token = SessionToken.builder(privateKey, account)
                .validity(validAfter, validUntil, renewalDeadline)
                .randomness(Felt.of(new BigInteger(248, random).mod(MAX_RANDOMNESS)))
                .appSalt(Felt.fromShortString("cavos-sandbox"))
                .policy(request.policy())
                .network(Optional.of("sandbox"))
                .chainId(Optional.of(SandboxNode.CHAIN_ID))
                .rpcUrl(Optional.of(node.rpcUri().toString()))
                .build();
        register(account, token, token.effectivePolicy());
        return token;
    }

    /**
     * Registers the token's session key on an existing sandbox account with an on-chain policy that may differ
     * from the one the token carries (or lacks), to reproduce a stale export: the token's key, nonce and
     * validity window are used, the renewal deadline is the window's end plus the account's grace period,
     * and the allow-list root, max calls and spending limits come from {@code onChain}. Like the account's
     * own registration, it registers a key that is already registered anew: the session slots, the policy
     * count and the entries it covers are rewritten, what the key has spent is kept.
     */
    public RegisteredSession registerSession(Felt walletAddress, SessionToken token, SessionPolicy onChain) {
        if (!token.walletAddress().equals(walletAddress)) {
            throw new IllegalArgumentException("The session token belongs to the wallet " + token.walletAddress().toHex()
                    + ", not to " + walletAddress.toHex());
        }
        return register(walletAddress, token, onChain);
    }

    private RegisteredSession register(Felt account, SessionToken token, SessionPolicy policy) {
        Felt key = token.sessionPublicKey();
        AtomicReference<StoredSession> stored = new AtomicReference<>();
        Felt hash = chain.systemTransaction(account, execution -> {
            WorldState.Account state = execution.world.accounts.get(account);
            if (state == null) {
                throw new IllegalArgumentException("No sandbox account at " + account.toHex());
            }
            AccountStorage storage = execution.storage(account);
            StoredSession session = new StoredSession(token.nonce(), policy.allowedContractsRoot(), token.validAfter(),
                    token.validUntil(), execution.blockNumber, token.validUntil() + CavosAccount.RENEWAL_GRACE_SECONDS,
                    policy.maxCallsPerTx(), storage.revocationEpoch());
            storage.writeSession(key, session);
            storage.storeSpendingPolicies(key, policy.spendingLimits().size(), policy.spendingPoliciesFelts());
            state.nonce = state.nonce.add(BigInteger.ONE);
            execution.emit(account, List.of(CavosAccount.SESSION_REGISTERED), List.of(key, token.nonce(), Felt.of(token.validUntil())));
            stored.set(session);
        });
        return new RegisteredSession(account, key, stored.get(), policy, hash);
    }

    private static SpendingLimit limit(Token token, String amount) {
        return new SpendingLimit(token.address(), U256.parseAmount(amount, token.decimals()));
    }
}
