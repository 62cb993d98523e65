package xyz.cavos.wallet.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvokeV3;
import xyz.cavos.wallet.starknet.ResourceBounds;
import xyz.cavos.wallet.starknet.ResourceBoundsMapping;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * The sandbox's SNIP-29 paymaster: it turns a user's calls into a SNIP-9 version 2 outside execution for the user's
 * account to sign (with the relayer as the only caller, a fresh nonce, time bounds, and in the default fee mode a final
 * transfer of the fee in the gas token to the relayer), then submits the signed execution from its relayer account
 * ({@link RelayerAccount}) as an ordinary INVOKE that calls {@code execute_from_outside_v2}, so the account's own
 * checks decide. Fees are quoted from the sandbox's gas formula at fixed, made-up token prices. Sponsored
 * transactions need the sandbox's API key. Tests can make its next reply hostile ({@link #misbehave}).
 */
public final class SandboxPaymaster {

    /** A way to alter the next {@code paymaster_buildTransaction} reply, as a hostile paymaster would. */
    public enum Misbehaviour {
        /** One more call at the end: a transfer of the gas token (STRK when sponsored) to {@link #THIEF}. */
        ADD_CALL,
        /** The first user call with arguments gets {@link #THIEF} as its first argument (a transfer's recipient). */
        CHANGE_CALL,
        /** The fee transfer is ten times the {@code suggested_max_fee_in_gas_token} the reply reports (added when sponsored). */
        FEE_ABOVE_MAX,
        /** The typed data's domain names mainnet's chain id. */
        WRONG_CHAIN,
        /** The typed data's domain has another name than {@code Account.execute_from_outside}. */
        WRONG_DOMAIN,
        /** The typed data's domain has version 1 instead of 2. */
        WRONG_DOMAIN_VERSION,
        /** The typed data's domain has revision 0 instead of 1. */
        WRONG_DOMAIN_REVISION
    }

    /** A gas token the paymaster takes and its fixed price: how many fri one whole token is worth. */
    public record GasToken(Token token, BigInteger priceInFri) {
    }

    /** A fee quote in fri and in the gas token's base units (STRK's when sponsored). */
    public record Fee(GasToken gasToken, BigInteger estimatedFri, BigInteger estimatedInGasToken, BigInteger suggestedMaxFri,
            BigInteger suggestedMaxInGasToken) {
    }

    /**
     * What {@code paymaster_buildTransaction} answered: the execution as the typed data carries it, the typed data
     * itself, the fee, and whether it is sponsored (then executing it needs the API key).
     */
    public record Built(Felt userAddress, OutsideExecution execution, ObjectNode typedData, Fee fee, boolean sponsored) {
    }

    /** A request {@code paymaster_executeTransaction} submitted. */
    public record Executed(Felt trackingId, Felt transactionHash) {
    }

    private static final BigInteger FRI_PER_STRK = BigInteger.TEN.pow(18);
    /** STRK at par, 1 USDC = 2 STRK, 1 ETH = 10,000 STRK. */
    public static final List<GasToken> GAS_TOKENS = List.of(
            new GasToken(Token.STRK, FRI_PER_STRK),
            new GasToken(Token.USDC, FRI_PER_STRK.multiply(BigInteger.TWO)),
            new GasToken(Token.ETH, FRI_PER_STRK.multiply(BigInteger.valueOf(10_000))));
    /** Where {@link Misbehaviour#ADD_CALL} and {@link Misbehaviour#CHANGE_CALL} send tokens. */
    public static final Felt THIEF = Felt.parse("0x7f1ef0000000000000000000000000000000000000000000000000000000bad");
    /** The chain id {@link Misbehaviour#WRONG_CHAIN} puts in the domain. */
    public static final Felt WRONG_CHAIN_ID = Felt.fromShortString("SN_MAIN");
    /** How long a built execution stays valid when the request names no time bounds. */
    public static final long DEFAULT_VALIDITY_SECONDS = 3600;
    /** The suggested maximum fee is this many times the estimate. */
    private static final BigInteger SAFETY_FACTOR = BigInteger.TWO;
    /** Built executions remembered for execution; the oldest are forgotten beyond this. */
    private static final int MAX_REMEMBERED = 10_000;
    /** The relayer's resource bounds: ample at the sandbox's fixed prices. */
    static final ResourceBoundsMapping RELAYER_BOUNDS = new ResourceBoundsMapping(
            new ResourceBounds(BigInteger.ZERO, Gas.L1_GAS_PRICE.multiply(BigInteger.TWO)),
            new ResourceBounds(BigInteger.valueOf(50_000_000), Gas.L2_GAS_PRICE.multiply(BigInteger.TWO)),
            new ResourceBounds(BigInteger.valueOf(20_000), Gas.L1_DATA_GAS_PRICE.multiply(BigInteger.TWO)));

    private final Chain chain;
    private final Supplier<URI> uri;
    private final String apiKey;
    private final SecureRandom random = new SecureRandom();
    private final Set<Misbehaviour> pending = EnumSet.noneOf(Misbehaviour.class);
    private final Map<Felt, Built> built = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Felt, Built> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };
    private final Map<Felt, Felt> tracked = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Felt, Felt> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    SandboxPaymaster(Chain chain, Supplier<URI> uri, String apiKey) {
        this.chain = chain;
        this.uri = uri;
        this.apiKey = apiKey;
    }

    /** {@code http://127.0.0.1:PORT/paymaster}. */
    public URI uri() {
        return uri.get();
    }

    /** The key sponsored transactions need in the {@code x-paymaster-api-key} header: random per start, throwaway. */
    public String apiKey() {
        return apiKey;
    }

    /** The relayer account that submits every execution: the {@code Caller} of the typed data it builds. */
    public Felt relayerAddress() {
        return RelayerAccount.ADDRESS;
    }

    /** The relayer's public key (its {@code get_public_key}). */
    public Felt relayerPublicKey() {
        return RelayerAccount.PUBLIC_KEY;
    }

    /** Alters the next {@code paymaster_buildTransaction} reply (several may be set at once); it applies once. */
    public synchronized void misbehave(Misbehaviour misbehaviour) {
        pending.add(misbehaviour);
    }

    public static Optional<GasToken> gasToken(Felt address) {
        return GAS_TOKENS.stream().filter(t -> t.token().address().equals(address)).findFirst();
    }

    /**
     * Builds the outside execution of {@code userCalls} for the account at {@code user}: caller the relayer, a fresh
     * nonce, the time bounds given, the calls unchanged, and with a gas token a last call that transfers the suggested
     * maximum fee in it to the relayer. Then applies any misbehaviour set, and remembers what it answered.
     */
    public synchronized Built build(Felt user, List<Call> userCalls, Optional<GasToken> gasToken, long executeAfter,
            long executeBefore) {
        Felt nonce = Felt.of(new BigInteger(248, random));
        GasToken priced = gasToken.orElse(GAS_TOKENS.getFirst());
        List<Call> calls = new ArrayList<>(userCalls);
        gasToken.ifPresent(t -> calls.add(feeTransfer(t.token(), BigInteger.ZERO)));
        Fee fee = quote(user, new OutsideExecution(RelayerAccount.ADDRESS, nonce, executeAfter, executeBefore, calls), priced);
        gasToken.ifPresent(t -> calls.set(calls.size() - 1, feeTransfer(t.token(), fee.suggestedMaxInGasToken())));

        Set<Misbehaviour> tricks = EnumSet.copyOf(pending.isEmpty() ? EnumSet.noneOf(Misbehaviour.class) : pending);
        pending.clear();
        if (tricks.contains(Misbehaviour.CHANGE_CALL)) {
            for (int i = 0; i < userCalls.size(); i++) {
                Call call = calls.get(i);
                if (!call.calldata().isEmpty()) {
                    List<Felt> data = new ArrayList<>(call.calldata());
                    data.set(0, THIEF);
                    calls.set(i, new Call(call.to(), call.selector(), data));
                    break;
                }
            }
        }
        if (tricks.contains(Misbehaviour.FEE_ABOVE_MAX)) {
            BigInteger tooMuch = fee.suggestedMaxInGasToken().multiply(BigInteger.TEN);
            if (gasToken.isPresent()) {
                calls.set(calls.size() - 1, feeTransfer(priced.token(), tooMuch));
            } else {
                calls.add(feeTransfer(priced.token(), tooMuch));
            }
        }
        if (tricks.contains(Misbehaviour.ADD_CALL)) {
            calls.add(transfer(priced.token(), THIEF, fee.suggestedMaxInGasToken().max(BigInteger.ONE)));
        }
        OutsideExecution execution = new OutsideExecution(RelayerAccount.ADDRESS, nonce, executeAfter, executeBefore, calls);
        ObjectNode typedData = execution.typedData(chain.chainId);
        ObjectNode domain = (ObjectNode) typedData.get("domain");
        // The paymaster API's schema has revision 1 as a number (its strings are for revision "2" only).
        domain.put("revision", Integer.parseInt(OutsideExecution.DOMAIN_REVISION));
        if (tricks.contains(Misbehaviour.WRONG_CHAIN)) {
            domain.put("chainId", WRONG_CHAIN_ID.toHex());
        }
        if (tricks.contains(Misbehaviour.WRONG_DOMAIN)) {
            domain.put("name", "Account.execute_from_inside");
        }
        if (tricks.contains(Misbehaviour.WRONG_DOMAIN_VERSION)) {
            domain.put("version", "1");
        }
        if (tricks.contains(Misbehaviour.WRONG_DOMAIN_REVISION)) {
            domain.put("revision", 0);
        }
        Built out = new Built(user, execution, typedData, fee, gasToken.isEmpty());
        built.put(nonce, out);
        return out;
    }

    /** What this paymaster built with the execution's nonce, if the execution is exactly that and not yet executed. */
    public synchronized Optional<Built> builtFor(Felt user, OutsideExecution execution) {
        return Optional.ofNullable(built.get(execution.nonce()))
                .filter(b -> b.userAddress().equals(user) && b.execution().equals(execution));
    }

    /**
     * Simulates the relayer's transaction, then submits it: a failure of the simulation throws the node's error (its
     * data names the failing frame and reason) and nothing is submitted.
     */
    synchronized Executed execute(Built request, List<Felt> signature) {
        InvokeV3 tx = relayerTransaction(request.userAddress(), request.execution(), signature);
        chain.estimate(List.of(tx), false);
        Felt hash = chain.addInvoke(tx);
        built.remove(request.execution().nonce());
        Felt trackingId = Felt.of(new BigInteger(248, random));
        tracked.put(trackingId, hash);
        return new Executed(trackingId, hash);
    }

    /**
     * Submits {@code execute_from_outside_v2} on {@code user}'s account from the relayer as it is, without simulating
     * it or checking that this paymaster built it: a revert shows on the receipt. For tests of the account's checks.
     */
    public synchronized Felt relay(Felt user, OutsideExecution execution, List<Felt> signature) {
        return chain.addInvoke(relayerTransaction(user, execution, signature));
    }

    /** The latest transaction hash of a tracking id {@code paymaster_executeTransaction} answered. */
    public synchronized Optional<Felt> latestHash(Felt trackingId) {
        return Optional.ofNullable(tracked.get(trackingId));
    }

    private InvokeV3 relayerTransaction(Felt user, OutsideExecution execution, List<Felt> signature) {
        Felt nonce = chain.nonceOf(RelayerAccount.ADDRESS);
        InvokeV3 unsigned = InvokeV3.of(RelayerAccount.ADDRESS, List.of(execution.call(user, signature)), nonce, RELAYER_BOUNDS, false);
        StarkCurve.Signature sig = StarkCurve.sign(RelayerAccount.PRIVATE_KEY, unsigned.hash(chain.chainId));
        return unsigned.withSignature(List.of(sig.r(), sig.s()));
    }

    /**
     * The fee of the relayer's transaction by the sandbox's gas formula, with a stand-in for the user's signature
     * (a session signature with a proof of eight hashes per call), in fri and in the gas token (rounded up).
     */
    private Fee quote(Felt user, OutsideExecution draft, GasToken gasToken) {
        List<Felt> signature = Collections.nCopies(4 + 9 * draft.calls().size(), Felt.ONE);
        InvokeV3 tx = InvokeV3.of(RelayerAccount.ADDRESS, List.of(draft.call(user, signature)), Felt.ZERO, RELAYER_BOUNDS, false)
                .withSignature(List.of(Felt.ONE, Felt.ONE));
        BigInteger estimated = Gas.of(tx, 1).fee();
        BigInteger max = estimated.multiply(SAFETY_FACTOR);
        return new Fee(gasToken, estimated, inGasToken(estimated, gasToken), max, inGasToken(max, gasToken));
    }

    private static BigInteger inGasToken(BigInteger fri, GasToken gasToken) {
        BigInteger[] parts = fri.multiply(BigInteger.TEN.pow(gasToken.token().decimals())).divideAndRemainder(gasToken.priceInFri());
        return parts[1].signum() == 0 ? parts[0] : parts[0].add(BigInteger.ONE);
    }

    private static Call feeTransfer(Token token, BigInteger amount) {
        return transfer(token, RelayerAccount.ADDRESS, amount);
    }

    private static Call transfer(Token token, Felt to, BigInteger amount) {
        List<Felt> data = new ArrayList<>(List.of(to));
        data.addAll(U256.of(amount).toCalldata());
        return Call.of(token.address(), "transfer", data);
    }
}
