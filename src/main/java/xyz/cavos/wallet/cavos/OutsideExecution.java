package xyz.cavos.wallet.cavos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.InvalidValueException;
import xyz.cavos.wallet.starknet.Json;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.Selector;

/**
 * A SNIP-9 version 2 outside execution: calls an account runs when someone else (a paymaster's relayer) submits
 * them, signed by the account's key over the SNIP-12 revision 1 hash of this struct. The Cavos account checks the
 * caller, the time bounds (both strict), that the nonce is unused, then the session's whole policy, before it runs
 * the calls.
 *
 * @param caller who may submit it: the relayer's address, or {@link #ANY_CALLER}
 * @param executeAfter seconds since 1970; the chain's time must be after it
 * @param executeBefore seconds since 1970; the chain's time must be before it
 */
public record OutsideExecution(Felt caller, Felt nonce, long executeAfter, long executeBefore, List<Call> calls) {

    /** The caller that lets anyone submit the execution. */
    public static final Felt ANY_CALLER = Felt.fromShortString("ANY_CALLER");
    public static final Felt EXECUTE_FROM_OUTSIDE_V2 = Selector.of("execute_from_outside_v2");
    public static final Felt IS_VALID_NONCE = Selector.of("is_valid_outside_execution_nonce");
    /** The SNIP-12 domain of every version 2 outside execution, with the chain's id beside it. */
    public static final String DOMAIN_NAME = "Account.execute_from_outside";
    public static final String DOMAIN_VERSION = "2";
    public static final String DOMAIN_REVISION = "1";

    static final Felt TYPE_HASH = Felt.parse("0x312b56c05a7965066ddbda31c016d8d05afc305071c0ca3cdc2192c3c2f1f0f");
    static final Felt CALL_TYPE_HASH = Felt.parse("0x3635c7f2a7ba93844c0d064e18e487f35ab90f7c39d00f186a781fc3f0c2ca9");
    static final Felt DOMAIN_TYPE_HASH = Felt.parse("0x1ff2f602e42168014d405a94f75e8a93d640751d71d16311266e140d8b0a210");
    private static final Felt MESSAGE_PREFIX = Felt.fromShortString("StarkNet Message");

    public OutsideExecution {
        calls = List.copyOf(calls);
        if (executeAfter < 0 || executeBefore < 0) {
            throw new IllegalArgumentException("time bounds are seconds since 1970");
        }
    }

    /**
     * The hash the account's key signs, computed as the account computes it: Poseidon of the message prefix, the
     * domain (name, version 2, the chain, revision 1), the account and the struct.
     */
    public Felt messageHash(Felt account, Felt chainId) {
        List<Felt> callHashes = new ArrayList<>(calls.size());
        for (Call call : calls) {
            callHashes.add(Poseidon.hashMany(CALL_TYPE_HASH, call.to(), call.selector(), Poseidon.hashMany(call.calldata())));
        }
        Felt struct = Poseidon.hashMany(TYPE_HASH, caller, nonce, Felt.of(executeAfter), Felt.of(executeBefore),
                Poseidon.hashMany(callHashes));
        Felt domain = Poseidon.hashMany(DOMAIN_TYPE_HASH, Felt.fromShortString(DOMAIN_NAME), Felt.of(2), chainId, Felt.ONE);
        return Poseidon.hashMany(MESSAGE_PREFIX, domain, account, struct);
    }

    /** The arguments of {@code execute_from_outside_v2}: the struct, then the signature as a span. */
    public List<Felt> calldata(List<Felt> signature) {
        List<Felt> out = new ArrayList<>();
        out.add(caller);
        out.add(nonce);
        out.add(Felt.of(executeAfter));
        out.add(Felt.of(executeBefore));
        out.add(Felt.of(calls.size()));
        for (Call call : calls) {
            out.add(call.to());
            out.add(call.selector());
            out.add(Felt.of(call.calldata().size()));
            out.addAll(call.calldata());
        }
        out.add(Felt.of(signature.size()));
        out.addAll(signature);
        return out;
    }

    /** The call a relayer sends to {@code account} to run this execution. */
    public Call call(Felt account, List<Felt> signature) {
        return new Call(account, EXECUTE_FROM_OUTSIDE_V2, calldata(signature));
    }

    /** The SNIP-12 typed data of this execution on {@code chainId}, as SNIP-29 paymasters send it for signing. */
    public ObjectNode typedData(Felt chainId) {
        ObjectNode root = Json.object();
        ObjectNode types = root.putObject("types");
        members(types.putArray("StarknetDomain"), "name", "shortstring", "version", "shortstring", "chainId", "shortstring",
                "revision", "shortstring");
        members(types.putArray("OutsideExecution"), "Caller", "ContractAddress", "Nonce", "felt", "Execute After", "u128",
                "Execute Before", "u128", "Calls", "Call*");
        members(types.putArray("Call"), "To", "ContractAddress", "Selector", "selector", "Calldata", "felt*");
        root.put("primaryType", "OutsideExecution");
        root.putObject("domain").put("name", DOMAIN_NAME).put("version", DOMAIN_VERSION).put("chainId", chainId.toHex())
                .put("revision", DOMAIN_REVISION);
        ObjectNode message = root.putObject("message");
        message.put("Caller", caller.toHex()).put("Nonce", nonce.toHex()).put("Execute After", Felt.of(executeAfter).toHex())
                .put("Execute Before", Felt.of(executeBefore).toHex());
        ArrayNode list = message.putArray("Calls");
        for (Call call : calls) {
            ObjectNode item = list.addObject().put("To", call.to().toHex()).put("Selector", call.selector().toHex());
            ArrayNode data = item.putArray("Calldata");
            call.calldata().forEach(f -> data.add(f.toHex()));
        }
        return root;
    }

    /**
     * The execution in a SNIP-12 typed data's {@code message}, read strictly: every field present with a value of its
     * type, times as whole seconds, at most {@link #MAX_CALLS} calls of at most {@link #MAX_CALLDATA} felts each. What
     * the domain and types say is checked elsewhere ({@code PaymasterReview}); this reads only the struct.
     */
    public static OutsideExecution fromMessage(JsonNode message) {
        if (message == null || !message.isObject()) {
            throw new InvalidValueException("The outside execution's message is not an object");
        }
        JsonNode calls = message.get("Calls");
        if (calls == null || !calls.isArray() || calls.size() > MAX_CALLS) {
            throw new InvalidValueException("The outside execution's Calls is not a list of at most " + MAX_CALLS
                    + " calls");
        }
        List<Call> parsed = new ArrayList<>(calls.size());
        for (JsonNode call : calls) {
            JsonNode data = call.get("Calldata");
            if (!call.isObject() || data == null || !data.isArray() || data.size() > MAX_CALLDATA) {
                throw new InvalidValueException("A call of the outside execution has no Calldata list of at most "
                        + MAX_CALLDATA + " values");
            }
            List<Felt> calldata = new ArrayList<>(data.size());
            for (JsonNode value : data) {
                calldata.add(felt(value, "Calldata"));
            }
            parsed.add(new Call(felt(call.get("To"), "To"), felt(call.get("Selector"), "Selector"), calldata));
        }
        return new OutsideExecution(felt(message.get("Caller"), "Caller"), felt(message.get("Nonce"), "Nonce"),
                seconds(message.get("Execute After"), "Execute After"), seconds(message.get("Execute Before"), "Execute Before"), parsed);
    }

    /** More calls than any session allows per transaction. */
    public static final int MAX_CALLS = 64;
    /** More arguments than any ERC-20 or account call here takes. */
    public static final int MAX_CALLDATA = 4096;

    private static Felt felt(JsonNode value, String field) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().length() > 80) {
            throw new InvalidValueException("The outside execution's " + field + " is missing or not a number");
        }
        return Felt.parse(value.asText());
    }

    private static long seconds(JsonNode value, String field) {
        Felt felt = felt(value, field);
        if (felt.value().bitLength() > 63) {
            throw new InvalidValueException("The outside execution's " + field + " is not a time in seconds");
        }
        return felt.value().longValueExact();
    }

    private static void members(ArrayNode into, String... nameThenType) {
        for (int i = 0; i < nameThenType.length; i += 2) {
            into.addObject().put("name", nameThenType[i]).put("type", nameThenType[i + 1]);
        }
    }
}
