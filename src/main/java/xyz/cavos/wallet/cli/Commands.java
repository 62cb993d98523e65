package xyz.cavos.wallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Balance;
import xyz.cavos.wallet.wallet.FeeQuote;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.TransactionOutcome;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/** The wallet commands: reads, writes and session management on chain. */
final class Commands {

    private Commands() {
    }

    @Command(name = "whoami", description = "The wallet and session in use, and where they are.")
    static final class Whoami implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Override
        public Integer call() {
            WalletService wallet = root.wallet();
            SessionStatus status = wallet.sessionStatus();
            ObjectNode data = Render.sessionSummary(wallet.token());
            data.put("network", wallet.network().name());
            data.put("rpcEndpoint", wallet.rpcEndpointForDisplay());
            data.put("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            root.output().success(data, "Wallet       " + wallet.token().walletAddress().toHex() + "\n"
                    + "Session key  " + wallet.token().sessionPublicKey().toHex() + "\n"
                    + "Network      " + wallet.network().name() + " via " + wallet.rpcEndpointForDisplay() + "\n"
                    + "State        " + status.state().label() + " (valid until " + Render.time(status.validUntil()) + ")");
            return 0;
        }
    }

    @Command(name = "balance", description = "Token balances of the wallet (exact, with each token's decimals).")
    static final class BalanceCommand implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Only this token: STRK, ETH, USDC, USDT or an address.")
        String token;

        @Override
        public Integer call() {
            java.util.Optional<Token> only = java.util.Optional.ofNullable(token).map(Inputs::token);
            WalletService wallet = root.wallet();
            WalletSnapshot snapshot = wallet.snapshot();
            List<Balance> balances = snapshot.balances().stream().filter(b -> only.isEmpty() || b.token().equals(only.get())).toList();
            if (only.isPresent() && balances.isEmpty()) {
                throw new WalletError(WalletError.Code.UNKNOWN_TOKEN, only.get().symbol() + " is not deployed on " + wallet.network().name() + ".",
                        "Check the network (--network) or pick another token.");
            }
            ObjectNode data = Output.JSON.createObjectNode();
            data.put("walletAddress", wallet.token().walletAddress().toHex());
            data.put("network", wallet.network().name());
            data.put("blockNumber", snapshot.blockNumber());
            ArrayNode list = data.putArray("balances");
            StringBuilder text = new StringBuilder("Wallet " + wallet.token().walletAddress().toHex() + " on " + wallet.network().name()
                    + " (block " + snapshot.blockNumber() + ")\n");
            for (Balance b : balances) {
                list.addObject().put("symbol", b.token().symbol()).put("name", b.token().name()).put("address", b.token().address().toHex())
                        .put("decimals", b.token().decimals()).put("balance", b.display()).put("raw", b.raw().toString());
                text.append(String.format("  %-5s %s%n", b.token().symbol(), b.display()));
            }
            root.output().success(data, text.toString());
            return 0;
        }
    }

    @Command(name = "transfer", description = "Sends tokens within the session's limits.")
    static final class Transfer implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Recipient address.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Amount in tokens, e.g. 1.5 (exact; no exponents).")
        String amount;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "STRK, ETH, USDC, USDT or a token address.")
        String token;

        @Override
        public Integer call() {
            return moveTokens(root, token, "Recipient", to, amount, false);
        }
    }

    @Command(name = "approve", description = "Lets a spender move tokens from the wallet (counts towards the spending limit).")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--spender", required = true, paramLabel = "ADDRESS")
        String spender;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT")
        String amount;

        @Option(names = "--token", required = true, paramLabel = "TOKEN")
        String token;

        @Override
        public Integer call() {
            return moveTokens(root, token, "Spender", spender, amount, true);
        }
    }

    /** transfer and approve: the same checks and report, a different entry point. */
    private static int moveTokens(CavosCommand root, String tokenText, String partyLabel, String partyText, String amountText,
            boolean approval) {
        Token asset = Inputs.token(tokenText);
        Felt party = Inputs.address(partyLabel, partyText);
        U256 value = Inputs.amount(amountText, asset);
        WalletService wallet = root.wallet();
        var progress = Render.progress(root.output(), wallet);
        TransactionOutcome outcome = approval
                ? wallet.approve(asset, party, value, root.waitForReceipt(), root.timeout(), progress)
                : wallet.transfer(asset, party, value, root.waitForReceipt(), root.timeout(), progress);
        String shown = value.toAmountString(asset.decimals()) + " " + asset.symbol();
        ObjectNode data = Render.outcome(outcome).put("token", asset.symbol()).put("amount", value.toAmountString(asset.decimals()))
                .put("amountRaw", value.toString()).put(approval ? "spender" : "to", party.toHex());
        root.output().success(data, Render.outcomeText(approval ? "Approved " + party.toHex() + " to spend " + shown
                : "Sent " + shown + " to " + party.toHex(), outcome));
        return 0;
    }

    /** One contract call given by flags. */
    static final class SingleCall {
        @Option(names = "--contract", required = true, paramLabel = "ADDRESS")
        String contract;

        @Option(names = "--entrypoint", required = true, paramLabel = "NAME", description = "Function name, or its selector in hex.")
        String entrypoint;

        @Option(names = "--calldata", paramLabel = "VALUES", description = "Comma-separated: 0x1,100,u256:1000,str:text")
        String calldata;

        Call toCall() {
            return new Call(Inputs.address("Contract address", contract), Inputs.entrypoint(entrypoint), Inputs.calldata(calldata));
        }
    }

    @Command(name = "execute", description = "Invokes a contract function in a transaction.")
    static final class Execute implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SingleCall call;

        @Override
        public Integer call() {
            return send(root, List.of(call.toCall()), "Executed " + call.entrypoint + " on " + call.contract);
        }
    }

    @Command(name = "multicall", description = "Several calls in one transaction (all or nothing).")
    static final class Multicall implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--calls", required = true, paramLabel = "JSON|@FILE",
                description = "[{\"contractAddress\":\"0x…\",\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\",\"u256:100\"]}, …]")
        String calls;

        @Override
        public Integer call() {
            List<Call> parsed = Inputs.calls(calls);
            return send(root, parsed, "Executed " + parsed.size() + " calls");
        }
    }

    static int send(CavosCommand root, List<Call> calls, String headline) {
        WalletService wallet = root.wallet();
        TransactionOutcome outcome = wallet.execute(calls, root.waitForReceipt(), root.timeout(), Render.progress(root.output(), wallet));
        root.output().success(Render.outcome(outcome), Render.outcomeText(headline, outcome));
        return 0;
    }

    @Command(name = "call", description = "Reads from a contract (nothing is sent, no fee).")
    static final class CallCommand implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SingleCall call;

        @Override
        public Integer call() {
            List<Felt> result = root.wallet().call(call.toCall());
            ObjectNode data = Output.JSON.createObjectNode();
            ArrayNode values = data.putArray("result");
            result.forEach(f -> values.add(f.toHex()));
            root.output().success(data, result.isEmpty() ? "(no return values)"
                    : String.join("\n", result.stream().map(Felt::toHex).toList()));
            return 0;
        }
    }

    @Command(name = "simulate", description = "Checks calls against the session and estimates the fee. Nothing is sent.")
    static final class Simulate implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;

        static final class What {
            @ArgGroup(exclusive = false)
            SingleCall single;

            @Option(names = "--calls", paramLabel = "JSON|@FILE")
            String calls;
        }

        @Override
        public Integer call() {
            List<Call> calls = what.calls != null ? Inputs.calls(what.calls) : List.of(what.single.toCall());
            FeeQuote quote = root.wallet().simulate(calls);
            ObjectNode data = Output.JSON.createObjectNode();
            data.put("estimatedFee", U256.of(quote.estimatedFee()).toAmountString(18));
            data.put("maxFee", U256.of(quote.maxFee()).toAmountString(18));
            data.put("unit", "STRK");
            data.put("l2GasConsumed", quote.estimate().l2GasConsumed().toString());
            data.put("l1DataGasConsumed", quote.estimate().l1DataGasConsumed().toString());
            data.put("l1GasConsumed", quote.estimate().l1GasConsumed().toString());
            data.put("calls", calls.size());
            root.output().success(data, "The session allows these " + calls.size() + " call(s).\n"
                    + "  estimated fee  " + Render.strk(quote.estimatedFee()) + "\n"
                    + "  at most        " + Render.strk(quote.maxFee()) + "\n"
                    + "Nothing was sent.");
            return 0;
        }
    }

    @Command(name = "tx", description = "Transactions.", subcommands = Tx.Status.class)
    static final class Tx {
        @ParentCommand
        CavosCommand root;

        @Command(name = "status", description = "Where a transaction is, and its receipt.")
        static final class Status implements Callable<Integer> {
            @ParentCommand
            Tx tx;

            @Parameters(paramLabel = "HASH")
            String hash;

            @Override
            public Integer call() {
                Felt txHash;
                try {
                    txHash = Felt.parse("Transaction hash", hash);
                } catch (xyz.cavos.wallet.starknet.InvalidValueException e) {
                    throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage() + ".", "Give the 0x… hash printed when the transaction was sent.");
                }
                var view = tx.root.wallet().transactionStatus(txHash);
                ObjectNode data = Output.JSON.createObjectNode();
                data.put("transactionHash", txHash.toHex());
                data.put("finalityStatus", view.status().finalityStatus());
                view.status().executionStatus().ifPresent(s -> data.put("executionStatus", s));
                view.status().failureReason().ifPresent(s -> data.put("failureReason", s));
                view.receipt().ifPresent(r -> data.put("fee", U256.of(r.actualFee()).toAmountString(18)).put("blockNumber", r.blockNumber()));
                view.explorerLink().ifPresent(l -> data.put("explorerUrl", l));
                String text = "Transaction " + txHash.toHex() + "\n"
                        + "  finality   " + view.status().finalityStatus() + "\n"
                        + view.status().executionStatus().map(s -> "  execution  " + s + "\n").orElse("")
                        + view.status().failureReason().map(s -> "  reason     " + s.strip().replace("\n", "\n             ") + "\n").orElse("")
                        + view.receipt().map(r -> "  block      " + r.blockNumber() + "\n  fee        " + Render.strk(r.actualFee()) + "\n").orElse("")
                        + view.explorerLink().map(l -> "  explorer   " + l + "\n").orElse("");
                tx.root.output().success(data, text);
                return 0;
            }
        }
    }

    @Command(name = "policy", description = "The session's policy.", subcommands = Policy.Show.class)
    static final class Policy {
        @ParentCommand
        CavosCommand root;

        @Command(name = "show", description = "Spending limits with usage, allowed contracts, max calls per transaction.")
        static final class Show implements Callable<Integer> {
            @ParentCommand
            Policy policy;

            @Override
            public Integer call() {
                var usage = policy.root.wallet().policyUsage();
                Render.printWarnings(policy.root.output(), usage.warnings());
                policy.root.output().success(Render.policy(usage), Render.policyText(usage));
                return 0;
            }
        }
    }

    @Command(name = "revoke", description = {"Revokes this session on chain.",
            "With --all, revokes every session of the wallet (emergency), after asking twice."})
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--all", description = "Emergency: revoke every session of this wallet, on every device.")
        boolean all;

        @Option(names = "--yes", description = "Do not ask (for scripts).")
        boolean yes;

        @Override
        public Integer call() {
            WalletService wallet = root.wallet();
            if (all && !yes) {
                confirmTwice(wallet.token().walletAddress());
            }
            TransactionOutcome outcome = all
                    ? wallet.revokeAll(root.waitForReceipt(), root.timeout(), Render.progress(root.output(), wallet))
                    : wallet.revoke(root.waitForReceipt(), root.timeout(), Render.progress(root.output(), wallet));
            ObjectNode data = Render.outcome(outcome).put("revoked", all ? "all" : wallet.token().sessionPublicKey().toHex());
            root.output().success(data, Render.outcomeText(all ? "Every session of " + wallet.token().walletAddress().toHex() + " is revoked."
                    : "This session is revoked on chain. Remove it from this computer with: cavos session clear", outcome));
            return 0;
        }

        private static void confirmTwice(Felt wallet) {
            Console console = System.console();
            if (console == null) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "Revoking every session needs confirmation.",
                        "Run it in a terminal to confirm, or add --yes in a script.");
            }
            String first = console.readLine("This revokes EVERY session of wallet %s, on every device. Continue? [y/N] ", wallet.toHex());
            String second = first != null && first.strip().equalsIgnoreCase("y")
                    ? console.readLine("Type REVOKE ALL to confirm: ") : null;
            if (second == null || !second.strip().equals("REVOKE ALL")) {
                throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "Not confirmed: nothing was sent.", "Run cavos revoke --all again to retry.");
            }
        }
    }

    @Command(name = "renew", description = "Renews an expired session within its grace window (a new key, the same policy).")
    static final class Renew implements Callable<Integer> {
        @ParentCommand
        CavosCommand root;

        @Override
        public Integer call() {
            WalletService wallet = root.wallet();
            WalletService.Renewal renewal = wallet.renew(root.timeout(), Render.progress(root.output(), wallet));
            var newToken = renewal.newToken();
            ObjectNode data = Render.outcome(renewal.outcome());
            data.set("session", Render.sessionSummary(newToken));
            String where;
            if (renewal.storedIn().isPresent()) {
                where = "The new session replaced the old one in the " + renewal.storedIn().get() + ".";
                data.put("stored", true);
            } else {
                // the old token came from --token or CAVOS_TOKEN, or storing failed: hand the new one back, never lose it
                data.put("stored", false);
                data.put("token", newToken.encode());
                where = renewal.notStored().map(e -> "The new session could not be stored (" + e.getMessage() + ").\n").orElse("")
                        + "Use the new session from now on:\n  export CAVOS_TOKEN=\"" + newToken.encode() + "\"";
            }
            root.output().success(data, Render.outcomeText("Session renewed until " + Render.time(newToken.validUntil()) + ". " + where,
                    renewal.outcome()));
            return 0;
        }
    }
}
