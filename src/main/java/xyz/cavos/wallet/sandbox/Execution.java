package xyz.cavos.wallet.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import xyz.cavos.wallet.cavos.AllowList;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.RevertReason;
import xyz.cavos.wallet.cavos.SessionSignature;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;
import xyz.cavos.wallet.starknet.U256;

/**
 * Runs contract code against a {@link WorldState} at one block: the ERC-20s, the demo swap and the
 * Cavos account, whose session rules follow the account contract (version 3) check for check and use
 * its revert strings. Events emitted along the way are collected for the receipt.
 */
final class Execution {

    static final Felt ERC20_CLASS_HASH = Felt.parse("0x4ad3c1dc8413453db314497945b6903e1c766495a1e60492d44da9c2a986e4b");
    static final Felt SWAP_CLASS_HASH = Selector.snKeccak("cavos-sandbox-demo-swap");

    static final Felt TRANSFER = Selector.of("transfer");
    static final Felt APPROVE = Selector.of("approve");
    private static final Felt EXECUTE_FROM_OUTSIDE = Selector.of("execute_from_outside_v2");
    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    /** Prices in US cents, for the demo swap's fixed rates. */
    private static final Map<String, Long> CENTS = Map.of("STRK", 50L, "ETH", 300_000L, "USDC", 100L, "USDT", 100L);

    record Event(Felt fromAddress, List<Felt> keys, List<Felt> data) {
    }

    final WorldState world;
    final long now;
    final long blockNumber;
    final List<Event> events = new ArrayList<>();

    Execution(WorldState world, long now, long blockNumber) {
        this.world = world;
        this.now = now;
        this.blockNumber = blockNumber;
    }

    /** call_contract_syscall: run an entry point as {@code caller}. */
    List<Felt> call(Felt caller, Call call) {
        Felt to = call.to();
        if (world.tokens.containsKey(to)) {
            return erc20(caller, to, call.selector(), call.calldata());
        }
        if (world.accounts.containsKey(to)) {
            return account(caller, to, call.selector(), call.calldata());
        }
        if (world.swaps.contains(to)) {
            return swap(caller, to, call.selector(), call.calldata());
        }
        throw new ContractPanic.ContractNotFound("Requested contract address " + to.toHex() + " is not deployed.");
    }

    // ---------------------------------------------------------------- Cavos account: transaction checks

    /** {@code __validate__} of a Cavos account for an INVOKE signed with a session key. */
    void validate(Felt account, Felt txHash, List<Felt> signature, List<Call> calls) {
        WorldState.Account state = world.accounts.get(account);
        Felt type = at(signature, 0);
        if (type.equals(SessionSignature.MAGIC) && calls.size() == 1) {
            Call only = calls.getFirst();
            if (only.to().equals(account)
                    && (only.selector().equals(CavosAccount.RENEW_SESSION) || only.selector().equals(EXECUTE_FROM_OUTSIDE))) {
                validateSkipExpiry(state, txHash, signature);
                return;
            }
        }
        if (type.equals(SessionSignature.OAUTH_MAGIC)) {
            throw new ContractPanic("OAUTH_JWT_V1 signatures cannot be verified by the sandbox: register sessions with its dashboard");
        }
        if (!type.equals(SessionSignature.MAGIC)) {
            throw new ContractPanic(RevertReason.INVALID_SIGNATURE_TYPE.text());
        }
        Felt key = checkSessionSignature(txHash, signature);
        WorldState.Session session = state.session(key);
        require(!session.nonce().isZero(), RevertReason.SESSION_NOT_REGISTERED);
        require(session.revocationEpoch() == state.revocationEpoch, RevertReason.SESSION_REVOKED);
        require(now >= session.validAfter(), RevertReason.SESSION_NOT_YET_ACTIVE);
        require(now < session.validUntil(), RevertReason.SESSION_EXPIRED);
        require(calls.size() <= session.maxCallsPerTx(), RevertReason.TOO_MANY_CALLS);
        verifyAllowedContracts(account, session.allowedContractsRoot(), calls, signature);
    }

    private void validateSkipExpiry(WorldState.Account state, Felt txHash, List<Felt> signature) {
        Felt key = checkSessionSignature(txHash, signature);
        WorldState.Session session = state.session(key);
        require(!session.nonce().isZero(), RevertReason.SESSION_NOT_REGISTERED);
        require(session.revocationEpoch() == state.revocationEpoch, RevertReason.SESSION_REVOKED);
        require(now < session.renewalDeadline(), RevertReason.RENEWAL_PERIOD_EXPIRED);
    }

    private static Felt checkSessionSignature(Felt txHash, List<Felt> signature) {
        require(signature.size() >= 4, RevertReason.INVALID_SIGNATURE_LENGTH);
        Felt key = signature.get(3);
        require(StarkCurve.verify(key, txHash, new StarkCurve.Signature(signature.get(1), signature.get(2))),
                RevertReason.INVALID_SESSION_SIGNATURE);
        return key;
    }

    private static void verifyAllowedContracts(Felt account, Felt root, List<Call> calls, List<Felt> signature) {
        if (root.isZero()) {
            return;
        }
        int index = 4;
        for (Call call : calls) {
            int proofLength = toInt(at(signature, index));
            index++;
            if (index + proofLength > signature.size()) {
                throw new ContractPanic("Index out of bounds");
            }
            List<Felt> proof = signature.subList(index, index + proofLength);
            index += proofLength;
            if (call.to().equals(account)) {
                require(!call.selector().equals(CavosAccount.UPGRADE), RevertReason.CANNOT_UPGRADE);
                continue;
            }
            require(AllowList.verify(root, call.to(), proof), RevertReason.CONTRACT_NOT_ALLOWED);
        }
    }

    /** {@code __execute__}: spending limits first (session signatures only), then every call, all or nothing. */
    List<List<Felt>> execute(Felt account, List<Felt> signature, List<Call> calls) {
        if (at(signature, 0).equals(SessionSignature.MAGIC)) {
            enforceSpendingLimits(world.accounts.get(account), at(signature, 3), calls);
        }
        List<List<Felt>> results = new ArrayList<>();
        for (Call call : calls) {
            results.add(call(account, call));
        }
        emit(account, List.of(CavosAccount.TRANSACTION_EXECUTED), List.of(account, Felt.of(calls.size())));
        return results;
    }

    private static void enforceSpendingLimits(WorldState.Account state, Felt key, List<Call> calls) {
        List<SpendingLimit> policies = state.spendingPolicies.getOrDefault(key, List.of());
        if (policies.isEmpty()) {
            return;
        }
        for (Call call : calls) {
            if (!call.selector().equals(TRANSFER) && !call.selector().equals(APPROVE)) {
                continue;
            }
            require(call.calldata().size() >= 3, RevertReason.INVALID_ERC20_CALLDATA);
            BigInteger amount = u128(call.calldata().get(1)).or(u128(call.calldata().get(2)).shiftLeft(128));
            SpendingLimit limit = policies.stream().filter(p -> p.token().equals(call.to())).findFirst()
                    .orElseThrow(() -> new ContractPanic(RevertReason.TOKEN_NOT_IN_POLICY.text()));
            BigInteger newSpent = state.spent(key, call.to()).add(amount);
            require(newSpent.compareTo(limit.limit().value()) <= 0, RevertReason.SPENDING_LIMIT_EXCEEDED);
            state.spent.computeIfAbsent(key, k -> new java.util.HashMap<>()).put(call.to(), newSpent);
        }
    }

    // ---------------------------------------------------------------- Cavos account: entry points

    private List<Felt> account(Felt caller, Felt self, Felt selector, List<Felt> data) {
        WorldState.Account state = world.accounts.get(self);
        if (selector.equals(CavosAccount.GET_SESSION)) {
            WorldState.Session s = state.session(at(data, 0));
            return List.of(s.nonce(), Felt.of(s.validAfter()), Felt.of(s.validUntil()), Felt.of(s.renewalDeadline()),
                    Felt.of(s.registeredAt()), s.allowedContractsRoot(), Felt.of(s.maxCallsPerTx()));
        }
        if (selector.equals(CavosAccount.GET_SESSION_SPENDING)) {
            return U256.of(state.spent(at(data, 0), at(data, 1))).toCalldata();
        }
        if (selector.equals(CavosAccount.GET_VERSION)) {
            return List.of(Felt.of(3));
        }
        if (selector.equals(Selector.of("get_address_seed"))) {
            return List.of(state.addressSeed);
        }
        if (selector.equals(Selector.of("supports_interface"))) {
            Felt id = at(data, 0);
            boolean supported = id.equals(Felt.parse("0x3f918d17e5ee77373b56385708f855659a07f75997f365cf87748628532a055"))
                    || id.equals(Felt.parse("0x2ceccef7f994940b3962a6c67e0ba4fcd37df7d131417c604f91e03caecc1cd"))
                    || id.equals(Felt.parse("0x1d1144bb2138366ff28d8e9ab57456b1d332ac42196230c3a602003c89872"));
            return List.of(supported ? Felt.ONE : Felt.ZERO);
        }
        if (selector.equals(CavosAccount.REVOKE_SESSION)) {
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSION);
            Felt key = at(data, 0);
            state.sessions.put(key, WorldState.Session.NONE);
            emit(self, List.of(CavosAccount.SESSION_REVOKED), List.of(key));
            return List.of();
        }
        if (selector.equals(CavosAccount.EMERGENCY_REVOKE)) {
            require(caller.equals(self), RevertReason.ONLY_SELF_REVOKE_SESSIONS);
            state.revocationEpoch++;
            emit(self, List.of(CavosAccount.ALL_SESSIONS_REVOKED), List.of(Felt.of(state.revocationEpoch)));
            return List.of();
        }
        if (selector.equals(CavosAccount.RENEW_SESSION)) {
            renewSession(self, state, data);
            return List.of();
        }
        if (selector.equals(Selector.of("__execute__")) || selector.equals(Selector.of("__validate__"))) {
            throw new ContractPanic("Only protocol can call __execute__");
        }
        if (selector.equals(CavosAccount.UPGRADE)) {
            throw new ContractPanic("Only self can upgrade");
        }
        throw entryPointNotFound(selector);
    }

    private void renewSession(Felt self, WorldState.Account state, List<Felt> data) {
        // Cairo Serde by the ABI: ten scalars, the policy count, then Span<felt252> = length + items.
        if (data.size() < 12) {
            throw new ContractPanic("Failed to deserialize param #12");
        }
        Felt oldKey = data.get(0);
        Felt r = data.get(1);
        Felt s = data.get(2);
        Felt newKey = data.get(3);
        Felt newNonce = data.get(4);
        long validAfter = u64(data.get(5));
        long validUntil = u64(data.get(6));
        long renewalDeadline = u64(data.get(7));
        Felt root = data.get(8);
        long maxCalls = u32(data.get(9));
        long policyCount = u32(data.get(10));
        BigInteger spanLength = data.get(11).value();
        if (spanLength.compareTo(BigInteger.valueOf(data.size() - 12)) > 0) {
            throw new ContractPanic("Failed to deserialize param #13");
        }
        List<Felt> policies = data.subList(12, 12 + spanLength.intValue());

        WorldState.Session old = state.session(oldKey);
        require(!old.nonce().isZero(), RevertReason.OLD_SESSION_NOT_REGISTERED);
        require(now >= old.validUntil(), RevertReason.OLD_SESSION_NOT_EXPIRED);
        require(now < old.renewalDeadline(), RevertReason.RENEWAL_PERIOD_EXPIRED);
        Felt message = CavosAccount.renewalMessage(newKey, newNonce, validAfter, validUntil, renewalDeadline, root, maxCalls);
        require(StarkCurve.verify(oldKey, message, new StarkCurve.Signature(r, s)), RevertReason.INVALID_RENEWAL_SIGNATURE);
        require(state.session(newKey).nonce().isZero(), RevertReason.NEW_SESSION_ALREADY_REGISTERED);
        require(renewalDeadline >= validUntil, RevertReason.RENEWAL_DEADLINE_BEFORE_EXPIRY);

        state.sessions.put(newKey, new WorldState.Session(newNonce, root, validAfter, validUntil, blockNumber,
                renewalDeadline, maxCalls, state.revocationEpoch));
        List<SpendingLimit> limits = new ArrayList<>();
        for (int i = 0; i + 2 < policies.size() && limits.size() < policyCount; i += 3) {
            limits.add(new SpendingLimit(policies.get(i), U256.ofParts(u128(policies.get(i + 1)), u128(policies.get(i + 2)))));
        }
        state.spendingPolicies.put(newKey, limits);
        emit(self, List.of(CavosAccount.SESSION_REGISTERED), List.of(newKey, newNonce, Felt.of(validUntil)));
    }

    // ---------------------------------------------------------------- ERC-20

    private List<Felt> erc20(Felt caller, Felt token, Felt selector, List<Felt> data) {
        WorldState.Erc20 erc20 = world.tokens.get(token);
        String name = entryPointName(selector);
        return switch (name) {
            case "balanceOf", "balance_of" -> U256.of(erc20.balanceOf(at(data, 0))).toCalldata();
            case "allowance" -> U256.of(erc20.allowance(at(data, 0), at(data, 1))).toCalldata();
            case "decimals" -> List.of(Felt.of(erc20.decimals));
            case "symbol" -> List.of(Felt.fromShortString(erc20.symbol));
            case "name" -> List.of(Felt.fromShortString(erc20.name));
            case "totalSupply", "total_supply" -> U256.of(erc20.totalSupply).toCalldata();
            case "transfer" -> {
                move(token, erc20, caller, at(data, 0), u256(data, 1));
                yield List.of(Felt.ONE);
            }
            case "transferFrom", "transfer_from" -> {
                Felt from = at(data, 0);
                BigInteger amount = u256(data, 2);
                BigInteger allowed = erc20.allowance(from, caller);
                if (allowed.compareTo(amount) < 0) {
                    throw new ContractPanic("ERC20: insufficient allowance");
                }
                erc20.allowances.computeIfAbsent(from, k -> new java.util.HashMap<>()).put(caller, allowed.subtract(amount));
                move(token, erc20, from, at(data, 1), amount);
                yield List.of(Felt.ONE);
            }
            case "approve" -> {
                Felt spender = at(data, 0);
                BigInteger amount = u256(data, 1);
                erc20.allowances.computeIfAbsent(caller, k -> new java.util.HashMap<>()).put(spender, amount);
                emit(token, List.of(Selector.of("Approval"), caller, spender), U256.of(amount).toCalldata());
                yield List.of(Felt.ONE);
            }
            default -> throw entryPointNotFound(selector);
        };
    }

    /** Moves tokens and emits Transfer; also used to charge fees. */
    void move(Felt token, WorldState.Erc20 erc20, Felt from, Felt to, BigInteger amount) {
        BigInteger balance = erc20.balanceOf(from);
        if (balance.compareTo(amount) < 0) {
            throw new ContractPanic("ERC20: insufficient balance");
        }
        erc20.balances.put(from, balance.subtract(amount));
        erc20.balances.put(to, erc20.balanceOf(to).add(amount));
        emit(token, List.of(Selector.of("Transfer"), from, to), U256.of(amount).toCalldata());
    }

    // ---------------------------------------------------------------- demo swap

    private List<Felt> swap(Felt caller, Felt self, Felt selector, List<Felt> data) {
        String name = entryPointName(selector);
        if (!name.equals("swap") && !name.equals("get_quote")) {
            throw entryPointNotFound(selector);
        }
        Felt tokenIn = at(data, 0);
        BigInteger amountIn = u256(data, 1);
        Felt tokenOut = at(data, 3);
        BigInteger amountOut = quote(tokenIn, amountIn, tokenOut);
        if (name.equals("get_quote")) {
            return U256.of(amountOut).toCalldata();
        }
        BigInteger minOut = u256(data, 4);
        if (amountOut.compareTo(minOut) < 0) {
            throw new ContractPanic("Insufficient output amount");
        }
        WorldState.Erc20 in = world.tokens.get(tokenIn);
        BigInteger allowed = in.allowance(caller, self);
        if (allowed.compareTo(amountIn) < 0) {
            throw new ContractPanic("ERC20: insufficient allowance");
        }
        in.allowances.computeIfAbsent(caller, k -> new java.util.HashMap<>()).put(self, allowed.subtract(amountIn));
        move(tokenIn, in, caller, self, amountIn);
        move(tokenOut, world.tokens.get(tokenOut), self, caller, amountOut);
        emit(self, List.of(Selector.of("Swapped"), caller), List.of(tokenIn, tokenOut, Felt.of(amountIn), Felt.of(amountOut)));
        return U256.of(amountOut).toCalldata();
    }

    private BigInteger quote(Felt tokenIn, BigInteger amountIn, Felt tokenOut) {
        WorldState.Erc20 in = world.tokens.get(tokenIn);
        WorldState.Erc20 out = world.tokens.get(tokenOut);
        if (in == null || out == null || !CENTS.containsKey(in.symbol) || !CENTS.containsKey(out.symbol) || in == out) {
            throw new ContractPanic("Unsupported token pair");
        }
        return amountIn.multiply(BigInteger.valueOf(CENTS.get(in.symbol))).multiply(BigInteger.TEN.pow(out.decimals))
                .divide(BigInteger.valueOf(CENTS.get(out.symbol)).multiply(BigInteger.TEN.pow(in.decimals)));
    }

    // ---------------------------------------------------------------- helpers

    void emit(Felt from, List<Felt> keys, List<Felt> data) {
        events.add(new Event(from, List.copyOf(keys), List.copyOf(data)));
    }

    private static final Map<Felt, String> NAMES = names("balanceOf", "balance_of", "allowance", "decimals", "symbol",
            "name", "totalSupply", "total_supply", "transfer", "transferFrom", "transfer_from", "approve", "swap", "get_quote");

    private static Map<Felt, String> names(String... entryPoints) {
        Map<Felt, String> out = new java.util.HashMap<>();
        for (String e : entryPoints) {
            out.put(Selector.of(e), e);
        }
        return Map.copyOf(out);
    }

    private static String entryPointName(Felt selector) {
        return NAMES.getOrDefault(selector, "");
    }

    private static ContractPanic entryPointNotFound(Felt selector) {
        return new ContractPanic.EntryPointNotFound("Entry point " + selector.toHex() + " not found in contract.");
    }

    private static void require(boolean condition, RevertReason reason) {
        if (!condition) {
            throw new ContractPanic(reason.text());
        }
    }

    static Felt at(List<Felt> values, int index) {
        if (index >= values.size()) {
            throw new ContractPanic("Index out of bounds");
        }
        return values.get(index);
    }

    private static BigInteger u256(List<Felt> data, int index) {
        return u128(at(data, index)).or(u128(at(data, index + 1)).shiftLeft(128));
    }

    private static BigInteger u128(Felt value) {
        if (value.value().compareTo(U128_MAX) > 0) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value();
    }

    private static long u64(Felt value) {
        if (value.value().bitLength() > 63) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.longValueExact();
    }

    private static long u32(Felt value) {
        if (value.value().bitLength() > 32) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.longValueExact();
    }

    private static int toInt(Felt value) {
        if (value.value().bitLength() > 31) {
            throw new ContractPanic("Option::unwrap failed.");
        }
        return value.value().intValue();
    }
}
