package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.TransactionReceipt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.PolicyUsage;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.SpendingUsage;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletService;

/** Formatting shared by the commands: times, durations, fees, outcomes, policies. */
final class Render {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Render() {
    }

    static String time(long unixSeconds) {
        return HUMAN.format(Instant.ofEpochSecond(unixSeconds));
    }

    static String iso(long unixSeconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(unixSeconds));
    }

    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + (s % 60) + "s";
    }

    static String strk(java.math.BigInteger fri) {
        return U256.of(fri).toAmountString(18) + " STRK";
    }

    /** Progress on stderr for people; the transaction hash on stderr in both modes. */
    static Progress progress(Output output, WalletService wallet) {
        return new Progress() {
            @Override
            public void step(String message) {
                output.progress("… " + message);
            }

            @Override
            public void submitted(xyz.cavos.wallet.starknet.Felt hash) {
                output.transaction("Transaction: " + hash.toHex() + wallet.network().explorerLink(hash).map(l -> "  " + l).orElse(""));
            }
        };
    }

    /** The fields every write reports; the command adds its own. */
    static ObjectNode outcome(TransactionOutcome outcome) {
        ObjectNode data = Output.JSON.createObjectNode();
        data.put("transactionHash", outcome.transactionHash().toHex());
        data.put("status", outcome.receipt().map(TransactionReceipt::finalityStatus).orElse("SUBMITTED"));
        data.put("calls", outcome.calls());
        data.put("estimatedFee", U256.of(outcome.estimatedFee()).toAmountString(18));
        data.put("maxFee", U256.of(outcome.maxFee()).toAmountString(18));
        outcome.receipt().ifPresent(r -> {
            data.put("fee", U256.of(r.actualFee()).toAmountString(18));
            data.put("feeUnit", "STRK");
            data.put("blockNumber", r.blockNumber());
        });
        outcome.explorerLink().ifPresent(link -> data.put("explorerUrl", link));
        return data;
    }

    static String outcomeText(String headline, TransactionOutcome outcome) {
        StringBuilder text = new StringBuilder(headline).append('\n');
        text.append("  transaction  ").append(outcome.transactionHash().toHex()).append('\n');
        if (outcome.receipt().isPresent()) {
            TransactionReceipt r = outcome.receipt().get();
            text.append("  status       accepted on L2 in block ").append(r.blockNumber()).append('\n');
            text.append("  fee          ").append(strk(r.actualFee())).append('\n');
        } else {
            text.append("  status       sent, not waited for (check: cavos tx status ").append(outcome.transactionHash().toHex()).append(")\n");
            text.append("  fee          about ").append(strk(outcome.estimatedFee())).append('\n');
        }
        outcome.explorerLink().ifPresent(link -> text.append("  explorer     ").append(link).append('\n'));
        return text.toString();
    }

    static ObjectNode policy(PolicyUsage usage) {
        ObjectNode data = Output.JSON.createObjectNode();
        ArrayNode limits = data.putArray("spendingLimits");
        for (SpendingUsage limit : usage.limits()) {
            limits.addObject().put("token", limit.tokenAddress().toHex()).put("symbol", limit.symbol())
                    .put("spent", limit.spentDisplay()).put("limit", limit.limitDisplay())
                    .put("remaining", limit.remaining().toAmountString(limit.decimals()))
                    .put("spentRaw", limit.spent().toString()).put("limitRaw", limit.limit().toString());
        }
        ArrayNode allowed = data.putArray("allowedContracts");
        usage.allowedContracts().forEach(c -> allowed.addObject().put("address", c.address().toHex()).put("name", c.name()));
        data.put("maxCallsPerTx", usage.maxCallsPerTx());
        data.putArray("countedEntrypoints").add("transfer").add("approve");
        warnings(data, usage.warnings());
        return data;
    }

    static String policyText(PolicyUsage usage) {
        StringBuilder text = new StringBuilder("Spending Limits:\n");
        if (usage.limits().isEmpty()) {
            text.append("  none\n");
        }
        for (SpendingUsage limit : usage.limits()) {
            text.append("  ").append(limit.symbol()).append(": ").append(limit.spentDisplay()).append(" / ")
                    .append(limit.limitDisplay()).append(" used\n");
        }
        text.append("Allowed Contracts:\n");
        if (usage.allowedContracts().isEmpty()) {
            text.append("  any\n");
        }
        usage.allowedContracts().forEach(c -> text.append("  ").append(c.name()).append('\n'));
        text.append("Max Calls Per Transaction: ").append(usage.maxCallsPerTx()).append('\n');
        text.append("Only transfer and approve count towards spending limits (enforced on chain).\n");
        return text.toString();
    }

    static void warnings(ObjectNode data, List<String> warnings) {
        ArrayNode array = data.putArray("warnings");
        warnings.forEach(array::add);
    }

    static void printWarnings(Output output, List<String> warnings) {
        warnings.forEach(output::warning);
    }

    static ObjectNode sessionSummary(SessionToken token) {
        ObjectNode data = Output.JSON.createObjectNode();
        data.put("walletAddress", token.walletAddress().toHex());
        data.put("sessionKey", token.sessionPublicKey().toHex());
        data.put("validAfter", iso(token.validAfter()));
        data.put("validUntil", iso(token.validUntil()));
        token.network().ifPresent(n -> data.put("network", n));
        return data;
    }
}
