package xyz.cavos.wallet.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xyz.cavos.wallet.cavos.OutsideExecution;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.starknet.paymaster.BuiltTransaction;

/**
 * The check before a paymaster's typed data is signed (SNIP-29's security considerations): the typed data must be a
 * SNIP-9 version 2 outside execution on this chain, valid for a sane window from the chain's time now, whose calls are
 * exactly the user's calls, plus, when the user pays in a token, one final {@code transfer} of that token no larger than
 * the fee the user accepted. Anything else is refused with a {@link WalletError} that names what differed, and nothing
 * is signed. A pure function: no network, no clock.
 */
public final class PaymasterReview {

    /** The longest an execution may stay valid: a paymaster asking for more is keeping a signed blank cheque. */
    public static final long MAX_VALIDITY_SECONDS = 24 * 3600;
    static final Felt TRANSFER = Selector.of("transfer");
    private static final Set<String> DOMAIN_FIELDS = Set.of("name", "version", "chainId", "revision");

    private PaymasterReview() {
    }

    /** How the user chose to pay: sponsored, or in a gas token up to a maximum fee (base units). */
    public sealed interface Payment {
        record Sponsored() implements Payment {
        }

        record InToken(Felt token, U256 maximumFee) implements Payment {
        }
    }

    /**
     * A typed data that passed: the execution to sign, and the fee the user pays with it ({@code feeToken} empty and
     * {@code fee} zero when sponsored, or when the paymaster charged nothing).
     */
    public record Approved(OutsideExecution execution, Optional<Felt> feeToken, U256 fee) {

        /** The hash the session key signs: the account's own hash of the execution. */
        public Felt messageHash(Felt account, Felt chainId) {
            return execution.messageHash(account, chainId);
        }

        /** Every call the signature covers, the fee transfer included: one allow-list proof group each. */
        public List<Call> signedCalls() {
            return execution.calls();
        }
    }

    /**
     * Checks {@code built} against what the user asked for. {@code chainNow} is the chain's latest block time (unix
     * seconds). Returns what to sign; throws a {@link WalletError} naming the first difference found.
     */
    public static Approved check(List<Call> calls, Felt chainId, Felt account, Payment payment, long chainNow, BuiltTransaction built) {
        JsonNode typed = built.typedData();
        checkEnvelope(typed, chainId);
        OutsideExecution execution;
        try {
            execution = OutsideExecution.fromMessage(typed.get("message"));
        } catch (InvalidValueException e) {
            throw tampered("its message cannot be read as an outside execution (" + e.getMessage() + ")");
        }
        checkParameters(built.parameters(), payment);
        checkCaller(execution.caller());
        checkTime(execution, chainNow);
        return checkCalls(calls, execution, payment);
    }

    private static void checkEnvelope(JsonNode typed, Felt chainId) {
        if (typed == null || !typed.isObject()) {
            throw tampered("it is not a typed data object");
        }
        if (!"OutsideExecution".equals(typed.path("primaryType").asText(null))) {
            throw tampered("its primary type is " + shown(typed.get("primaryType")) + ", not OutsideExecution");
        }
        JsonNode expectedTypes = new OutsideExecution(OutsideExecution.ANY_CALLER, Felt.ZERO, 0, 1, List.of()).typedData(chainId).get("types");
        if (!expectedTypes.equals(typed.get("types"))) {
            throw tampered("its types are not the SNIP-9 version 2 outside execution types (" + typesDifference(expectedTypes, typed.get("types")) + ")");
        }
        JsonNode domain = typed.get("domain");
        if (domain == null || !domain.isObject()) {
            throw tampered("it has no domain");
        }
        for (Iterator<String> names = domain.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DOMAIN_FIELDS.contains(name)) {
                throw tampered("its domain has an unexpected field " + shortText(name));
            }
        }
        if (!OutsideExecution.DOMAIN_NAME.equals(domain.path("name").asText(null)) || !domain.path("name").isTextual()) {
            throw tampered("its domain name is " + shown(domain.get("name")) + ", not " + OutsideExecution.DOMAIN_NAME);
        }
        if (!isNumber(domain.get("version"), 2)) {
            throw tampered("its domain version is " + shown(domain.get("version")) + ", not 2 (outside execution version 2)");
        }
        if (!isNumber(domain.get("revision"), 1)) {
            throw tampered("its domain revision is " + shown(domain.get("revision")) + ", not 1 (SNIP-12 revision 1)");
        }
        Optional<Felt> chain = felt(domain.get("chainId"));
        if (chain.isEmpty() || !chain.get().equals(chainId)) {
            throw tampered("it is for chain " + chain.map(ContractNames::describeChain).orElse(shown(domain.get("chainId")))
                    + ", not this wallet's chain " + ContractNames.describeChain(chainId));
        }
    }

    /** The parameters go back to the paymaster with the signature: they must ask for the fee mode the user chose. */
    private static void checkParameters(JsonNode parameters, Payment payment) {
        JsonNode mode = parameters.path("fee_mode");
        String wanted = payment instanceof Payment.Sponsored ? "sponsored" : "default";
        if (!wanted.equals(mode.path("mode").asText(null))) {
            throw tampered("its parameters ask for fee mode " + shown(mode.get("mode")) + ", not " + wanted);
        }
        if (payment instanceof Payment.InToken(Felt token, U256 ignored)) {
            Optional<Felt> gasToken = felt(mode.get("gas_token"));
            if (gasToken.isEmpty() || !gasToken.get().equals(token)) {
                throw tampered("its parameters name gas token " + shown(mode.get("gas_token")) + ", not the chosen " + token.toHex());
            }
        }
    }

    private static void checkCaller(Felt caller) {
        if (caller.isZero()) {
            throw tampered("its caller is the zero address, which no relayer can be");
        }
    }

    private static void checkTime(OutsideExecution execution, long chainNow) {
        long after = execution.executeAfter();
        long before = execution.executeBefore();
        if (before <= chainNow) {
            throw tampered("it is valid only before " + at(before) + ", which has passed (chain time "
                    + at(chainNow) + ")");
        }
        if (before - chainNow > MAX_VALIDITY_SECONDS) {
            throw tampered("it would stay valid until " + at(before) + ", more than 24 hours from now");
        }
        if (after >= before) {
            throw tampered("its time bounds are empty: valid after " + at(after) + " but before "
                    + at(before));
        }
    }

    private static Approved checkCalls(List<Call> asked, OutsideExecution execution, Payment payment) {
        List<Call> signed = execution.calls();
        for (int i = 0; i < asked.size(); i++) {
            if (i >= signed.size()) {
                throw tampered("it leaves out call " + (i + 1) + " of " + asked.size());
            }
            String difference = difference(asked.get(i), signed.get(i));
            if (difference != null) {
                throw tampered("it changes call " + (i + 1) + ": " + difference);
            }
        }
        int extra = signed.size() - asked.size();
        if (extra == 0) {
            return new Approved(execution, Optional.empty(), U256.ZERO);
        }
        Call last = signed.getLast();
        if (payment instanceof Payment.Sponsored) {
            if (extra == 1 && last.selector().equals(TRANSFER)) {
                throw tampered("it adds a fee transfer of " + last.to().toHex() + " although the transaction was to be sponsored");
            }
            throw tampered("it adds " + extra + " call(s) to yours, the first to " + signed.get(asked.size()).to().toHex());
        }
        if (extra > 1) {
            throw tampered("it adds " + extra + " calls to yours, where at most one fee transfer may follow them");
        }
        Payment.InToken token = (Payment.InToken) payment;
        if (!last.selector().equals(TRANSFER)) {
            throw tampered("the call it adds is not a transfer (selector " + last.selector().toHex() + ")");
        }
        if (!last.to().equals(token.token())) {
            throw tampered("its fee transfer is in token " + last.to().toHex() + ", not the chosen gas token " + token.token().toHex());
        }
        if (last.calldata().size() != 3) {
            throw tampered("its fee transfer has " + last.calldata().size() + " arguments, not recipient, amount low and amount high");
        }
        U256 fee;
        try {
            fee = U256.ofParts(last.calldata().get(1), last.calldata().get(2));
        } catch (InvalidValueException e) {
            throw tampered("its fee transfer's amount is not a u256 (" + e.getMessage() + ")");
        }
        if (fee.compareTo(token.maximumFee()) > 0) {
            throw new WalletError(WalletError.Code.FEE_ABOVE_MAXIMUM, "The paymaster asks a fee of " + fee.value() + " base units of "
                    + token.token().toHex() + ", above the maximum of " + token.maximumFee().value() + " you accepted.",
                    "Nothing was signed. Accept a higher maximum fee, or choose another way to pay.", new NextStep.TryAgain());
        }
        return new Approved(execution, Optional.of(token.token()), fee);
    }

    /** What differs between the call asked for and the one in the typed data, or null when they are the same. */
    private static String difference(Call asked, Call signed) {
        if (!asked.to().equals(signed.to())) {
            return "its contract is " + signed.to().toHex() + " instead of " + asked.to().toHex();
        }
        if (!asked.selector().equals(signed.selector())) {
            return "its entry point selector is " + signed.selector().toHex() + " instead of " + asked.selector().toHex();
        }
        List<Felt> a = asked.calldata();
        List<Felt> s = signed.calldata();
        for (int j = 0; j < Math.min(a.size(), s.size()); j++) {
            if (!a.get(j).equals(s.get(j))) {
                return "argument " + (j + 1) + " is " + s.get(j).toHex() + " instead of " + a.get(j).toHex();
            }
        }
        if (a.size() != s.size()) {
            return "it has " + s.size() + " arguments instead of " + a.size();
        }
        return null;
    }

    private static String typesDifference(JsonNode expected, JsonNode actual) {
        if (actual == null || !actual.isObject()) {
            return "no types object";
        }
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!expected.get(name).equals(actual.get(name))) {
                return "type " + name + " differs";
            }
        }
        return "it declares other types as well";
    }

    /** A number written as a JSON number, or as a decimal or hex string (SNIP-12 encodes all of them the same). */
    private static boolean isNumber(JsonNode value, long expected) {
        return felt(value).map(f -> f.value().equals(BigInteger.valueOf(expected))).orElse(false);
    }

    /** A felt from a JSON number, a hex or decimal string, or a short string (as SNIP-12 reads a chain id). */
    private static Optional<Felt> felt(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (value.isIntegralNumber()) {
                return Optional.of(Felt.of(value.bigIntegerValue()));
            }
            if (!value.isTextual()) {
                return Optional.empty();
            }
            String text = value.asText();
            try {
                return Optional.of(Felt.parse(text));
            } catch (InvalidValueException notNumeric) {
                return text.isEmpty() ? Optional.empty() : Optional.of(Felt.fromShortString(text));
            }
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** A time as a date, or as the raw number when it is beyond any date (a paymaster's value can be anything). */
    private static String at(long unixSeconds) {
        return unixSeconds <= java.time.Instant.MAX.getEpochSecond() ? ErrorTranslation.time(unixSeconds) : unixSeconds + " (unix seconds)";
    }

    private static String shown(JsonNode value) {
        return value == null ? "missing" : shortText(Json.write(value));
    }

    private static String shortText(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 80 ? line.substring(0, 79) + "…" : line;
    }

    private static WalletError tampered(String what) {
        return new WalletError(WalletError.Code.PAYMASTER_TAMPERED, "The paymaster's transaction is not the one you asked for: " + what + ".",
                "Nothing was signed. Do not use this paymaster for this transaction; try again later, or send it paying the fee yourself.",
                NextStep.NONE);
    }
}
