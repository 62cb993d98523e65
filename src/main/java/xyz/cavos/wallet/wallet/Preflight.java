package xyz.cavos.wallet.wallet;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xyz.cavos.wallet.cavos.AllowList;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.SpendingLimit;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

/**
 * The account's rules, checked before anything is signed, as a pure function of a snapshot and the calls:
 * in the order the account checks them, so the first refusal is the one the account would give.
 */
final class Preflight {

    static final Felt TRANSFER = Selector.of("transfer");
    static final Felt APPROVE = Selector.of("approve");

    private Preflight() {
    }

    /** Session state, calls per transaction, the allow-list and spending limits; throws the refusal. */
    static void check(SessionToken token, WalletSnapshot snapshot, List<Call> calls) {
        SessionStatus status = SessionStatus.of(token, snapshot);
        if (!status.state().canTransact()) {
            throw ErrorTranslation.sessionUnusable(status);
        }
        ContractNames names = new ContractNames(snapshot.network(), snapshot.tokens());
        ChainPolicy policy = snapshot.policy();
        if (calls.size() > policy.maxCallsPerTx()) {
            throw new WalletError(WalletError.Code.TOO_MANY_CALLS, "Too many calls in transaction (" + calls.size() + "; this session allows "
                    + policy.maxCallsPerTx() + ").", "Split the calls into transactions of at most " + policy.maxCallsPerTx() + ".",
                    new NextStep.SeePolicy());
        }
        if (!policy.allowedContractsRoot().isZero()) {
            checkAllowList(token, policy.allowedContractsRoot(), calls, names);
        }
        if (!policy.hasSpendingLimits()) {
            return; // the account checks ERC-20 calldata and spending only when the session has a spending policy
        }
        Map<Felt, U256> spending = spending(calls, names);
        for (var entry : spending.entrySet()) {
            SpendingLimit limit = policy.limitFor(entry.getKey()).orElseThrow(() -> new WalletError(WalletError.Code.TOKEN_NOT_IN_POLICY,
                    "Token not in spending policy: " + names.of(entry.getKey()) + ".",
                    "This session may move only " + names.list(policy.enforcedLimits().stream().map(SpendingLimit::token).toList()) + ".",
                    new NextStep.SeePolicy()));
            U256 spent = snapshot.spent().getOrDefault(entry.getKey(), U256.ZERO);
            if (spent.add(entry.getValue()).compareTo(limit.limit()) > 0) {
                SpendingUsage usage = new SpendingUsage(limit.token(), snapshot.token(limit.token()), spent, limit.limit());
                throw new WalletError(WalletError.Code.SPENDING_LIMIT_EXCEEDED, "Spending limit exceeded (" + Amounts.exact(spent, usage.decimals()) + " used, "
                        + Amounts.exact(limit.limit(), usage.decimals()) + " limit)", "At most " + Amounts.exact(usage.remaining(), usage.decimals()) + " "
                        + usage.symbol() + " more can be sent or approved in this session.", new NextStep.SeePolicy());
            }
        }
    }

    /**
     * Whether the session could ever move {@code asset}: its contract is on the chain's allow-list (provably, with
     * the token's list of addresses) and, when the session has spending limits, one of them is for it.
     */
    static boolean canMove(SessionToken token, WalletSnapshot snapshot, Felt asset) {
        ChainPolicy policy = snapshot.policy();
        Felt root = policy.allowedContractsRoot();
        if (!root.isZero()) {
            AllowList allowList = token.effectivePolicy().allowList();
            if (!allowList.root().equals(root) || !AllowList.verify(root, asset, allowList.proof(asset))) {
                return false;
            }
        }
        return !policy.hasSpendingLimits() || policy.limitFor(asset).isPresent();
    }

    private static void checkAllowList(SessionToken token, Felt chainRoot, List<Call> calls, ContractNames names) {
        SessionPolicy exported = token.effectivePolicy();
        AllowList allowList = exported.allowList();
        boolean callsOthers = calls.stream().anyMatch(call -> !call.to().equals(token.walletAddress()));
        if (callsOthers && !allowList.root().equals(chainRoot)) {
            throw new WalletError(WalletError.Code.TOKEN_OUT_OF_DATE, "This session token's list of allowed contracts is not the one "
                    + "registered on chain, so the wallet cannot prove which contracts are allowed.",
                    "Nothing was sent. The policy was changed after this token was exported: export the session again from the Cavos "
                            + "dashboard (Settings → Sessions → Export for CLI).", new NextStep.ImportSession());
        }
        for (Call call : calls) {
            if (call.to().equals(token.walletAddress())) {
                if (call.selector().equals(CavosAccount.UPGRADE)) {
                    throw new WalletError(WalletError.Code.CONTRACT_NOT_ALLOWED, "Session keys cannot upgrade contract",
                            "Upgrade the account from the Cavos dashboard.");
                }
                continue;
            }
            if (!AllowList.verify(chainRoot, call.to(), allowList.proof(call.to()))) {
                throw new WalletError(WalletError.Code.CONTRACT_NOT_ALLOWED, "Contract not allowed by policy",
                        names.of(call.to()) + " is not among the contracts this session may call (" + names.list(exported.allowedContracts())
                                + "). Create a session whose policy includes it.", new NextStep.SeePolicy());
            }
        }
    }

    /** What {@code transfer} and {@code approve} calls move, per token: the only calls the account counts. */
    private static Map<Felt, U256> spending(List<Call> calls, ContractNames names) {
        Map<Felt, U256> spending = new LinkedHashMap<>();
        for (Call call : calls) {
            if (!call.selector().equals(TRANSFER) && !call.selector().equals(APPROVE)) {
                continue;
            }
            if (call.calldata().size() < 3 || call.calldata().get(1).value().bitLength() > 128 || call.calldata().get(2).value().bitLength() > 128) {
                throw new WalletError(WalletError.Code.INVALID_CALLDATA, "Invalid ERC-20 calldata for " + names.of(call.to())
                        + ": expected recipient, amount low, amount high.", "Give the amount as a u256: low and high halves.");
            }
            spending.merge(call.to(), U256.ofParts(call.calldata().get(1), call.calldata().get(2)), U256::add);
        }
        return spending;
    }

    /** The wallet holds what the transfers move, and STRK for the most the fee can be. */
    static void checkFunds(WalletSnapshot snapshot, Felt wallet, List<Call> calls, BigInteger maxFee) {
        Map<Felt, U256> moving = new LinkedHashMap<>();
        for (Call call : calls) {
            if (call.selector().equals(TRANSFER) && call.calldata().size() >= 3) {
                moving.merge(call.to(), U256.ofParts(call.calldata().get(1), call.calldata().get(2)), U256::add);
            }
        }
        moving.merge(Token.STRK.address(), U256.of(maxFee), U256::add);
        for (var entry : moving.entrySet()) {
            Optional<Balance> balance = snapshot.balance(entry.getKey());
            if (balance.isEmpty()) {
                continue; // a token the wallet does not track: the chain will tell
            }
            if (balance.get().raw().compareTo(entry.getValue()) < 0) {
                Token asset = balance.get().token();
                String needed = Amounts.exact(entry.getValue(), asset.decimals());
                String why = asset.equals(Token.STRK)
                        ? needed + " STRK needed including up to " + Amounts.exact(U256.of(maxFee), 18) + " STRK for the fee"
                        : needed + " " + asset.symbol() + " needed";
                throw new WalletError(WalletError.Code.INSUFFICIENT_BALANCE, "Insufficient " + asset.symbol() + " balance: " + why + ", "
                        + Amounts.exact(balance.get().raw(), asset.decimals()) + " " + asset.symbol() + " available.", "Send less, or top up the wallet.",
                        new NextStep.TopUp(wallet));
            }
        }
    }
}
