package xyz.cavos.wallet.wallet;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cavos.CavosAccount;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.store.SentLog;

/** What a transaction's calls do, in a few words for the log of sent transactions: "transfer 1.5 STRK to 0x…". */
final class CallSummary {

    private CallSummary() {
    }

    static String of(List<Call> calls) {
        return of(calls, Token::byAddress);
    }

    /** The summary, with tokens named by {@code tokens} (those the wallet knows on the network). */
    static String of(List<Call> calls, Function<Felt, Optional<Token>> tokens) {
        return calls.stream().map(call -> one(call, tokens)).collect(Collectors.joining("; "));
    }

    /** The ERC-20 {@code approve} calls among {@code calls}: the token and the spender of each. */
    static List<SentLog.Approval> approvals(List<Call> calls) {
        return calls.stream().filter(c -> c.selector().equals(Preflight.APPROVE) && c.calldata().size() == 3)
                .map(c -> new SentLog.Approval(c.to(), c.calldata().getFirst())).distinct().toList();
    }

    private static String one(Call call, Function<Felt, Optional<Token>> tokens) {
        Optional<Token> token = tokens.apply(call.to());
        List<Felt> data = call.calldata();
        if (token.isPresent() && data.size() == 3 && (call.selector().equals(Preflight.TRANSFER) || call.selector().equals(Preflight.APPROVE))) {
            String amount = Amounts.exact(U256.ofParts(data.get(1), data.get(2)), token.get().decimals()) + " " + token.get().symbol();
            return call.selector().equals(Preflight.TRANSFER) ? "transfer " + amount + " to " + shortHex(data.get(0))
                    : "approve " + shortHex(data.get(0)) + " to spend " + amount;
        }
        if (call.selector().equals(CavosAccount.REVOKE_SESSION)) {
            return "revoke session";
        }
        if (call.selector().equals(CavosAccount.EMERGENCY_REVOKE)) {
            return "revoke every session";
        }
        if (call.selector().equals(CavosAccount.RENEW_SESSION)) {
            return "renew session";
        }
        return "call " + shortHex(call.selector()) + " on " + token.map(Token::symbol).orElse(shortHex(call.to()));
    }

    /** 0x and the first and last four hex digits of the 64. */
    static String shortHex(Felt value) {
        String hex = value.toPaddedHex();
        return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }
}
