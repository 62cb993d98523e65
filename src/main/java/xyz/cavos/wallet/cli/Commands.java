package xyz.cavos.wallet.cli;

import java.io.Console;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.cli.CommandResult.ApproveResult;
import xyz.cavos.wallet.cli.CommandResult.BalanceResult;
import xyz.cavos.wallet.cli.CommandResult.CallResult;
import xyz.cavos.wallet.cli.CommandResult.ExecuteResult;
import xyz.cavos.wallet.cli.CommandResult.MulticallResult;
import xyz.cavos.wallet.cli.CommandResult.PolicyResult;
import xyz.cavos.wallet.cli.CommandResult.RenewResult;
import xyz.cavos.wallet.cli.CommandResult.RevokeResult;
import xyz.cavos.wallet.cli.CommandResult.SessionSummary;
import xyz.cavos.wallet.cli.CommandResult.SimulateResult;
import xyz.cavos.wallet.cli.CommandResult.Transaction;
import xyz.cavos.wallet.cli.CommandResult.TransferResult;
import xyz.cavos.wallet.cli.CommandResult.TxStatusResult;
import xyz.cavos.wallet.cli.CommandResult.WhoamiResult;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.AddressBook;
import xyz.cavos.wallet.wallet.Balance;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.FeeQuote;
import xyz.cavos.wallet.wallet.GaslessQuote;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.PolicyUsage;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.RecipientCheck;
import xyz.cavos.wallet.wallet.RecipientWarning;
import xyz.cavos.wallet.wallet.SessionStatus;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;
import xyz.cavos.wallet.wallet.WalletSnapshot;

/** The wallet commands: reads, writes and session management on chain. Each returns its result; {@link Output} prints it. */
final class Commands {

    private Commands() {
    }

    @Command(name = "whoami", mixinStandardHelpOptions = true, description = "The wallet and session in use, and where they are.")
    static final class Whoami implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            SessionStatus status = wallet.sessionStatus();
            return new WhoamiResult(status.walletAddress(), status.sessionKey(), Instant.ofEpochSecond(status.validAfter()),
                    Instant.ofEpochSecond(status.validUntil()), wallet.network().name(), wallet.rpcEndpointForDisplay(), status.state(),
                    root.storedSessionName());
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "Token balances of the wallet (exact, with each token's decimals).")
    static final class BalanceCommand implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Only this token: STRK, ETH, USDC, USDT, a listed token's"
                + " symbol (see cavos tokens list) or an address.")
        String token;

        @Override
        public CommandResult call() {
            Optional<Token> builtIn = Optional.ofNullable(token).flatMap(Inputs::builtInToken);
            WalletService wallet = root.wallet();
            Optional<Token> only = builtIn.or(() -> Optional.ofNullable(token).map(t -> Inputs.token(t, () -> wallet)));
            WalletSnapshot snapshot = wallet.snapshot();
            List<Balance> balances = snapshot.balances().stream().filter(b -> only.isEmpty() || b.token().equals(only.get())).toList();
            if (only.isPresent() && balances.isEmpty()) {
                throw new WalletError(WalletError.Code.UNKNOWN_TOKEN, only.get().symbol() + " is not deployed on " + wallet.network().name() + ".",
                        "Check the network (--network) or pick another token.");
            }
            return new BalanceResult(wallet.token().walletAddress(), wallet.network().name(), snapshot.blockNumber(), snapshot.blockTag(), balances.stream()
                    .map(b -> new BalanceResult.TokenBalance(b.token().symbol(), b.token().name(), b.token().address(), b.token().decimals(),
                            b.display(), b.raw()))
                    .toList());
        }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true, description = "Sends tokens within the session's limits.")
    static final class Transfer implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--to", required = true, paramLabel = "NAME|ADDRESS", description = "Recipient: a contact's name or an address.")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Amount in tokens, e.g. 1.5 (exact; no exponents).")
        String amount;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "STRK, ETH, USDC, USDT, a listed token's"
                + " symbol (see cavos tokens list) or a token address.")
        String token;

        @Option(names = "--allow-lookalike", description = "Send even though the recipient looks like a contact or a recent recipient"
                + " (same first and last digits, others in between).")
        boolean allowLookalike;

        @Override
        public CommandResult call() {
            return moveTokens(root, token, "Recipient", to, amount, false, allowLookalike, TransferResult::new);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Lets a spender move tokens from the wallet (counts towards the spending limit).")
    static final class Approve implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--spender", required = true, paramLabel = "NAME|ADDRESS", description = "A contact's name or an address.")
        String spender;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", description = "Amount in tokens; 0 revokes the spender's allowance.")
        String amount;

        @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "As for transfer: a symbol or a token address.")
        String token;

        @Option(names = "--allow-lookalike", description = "Approve even though the spender looks like a contact or a recent recipient.")
        boolean allowLookalike;

        @Override
        public CommandResult call() {
            return moveTokens(root, token, "Spender", spender, amount, true, allowLookalike, ApproveResult::new);
        }
    }

    /** How transfer and approve report: the transaction, the token, the amount (exact and raw), the other party and the checks. */
    @FunctionalInterface
    private interface TokenMove<R extends CommandResult> {
        R result(Transaction sent, String token, String amount, U256 amountRaw, Felt party, Optional<String> partyName,
                List<String> checks, List<String> warnings);
    }

    /**
     * transfer and approve: the same checks and report, a different entry point. The other party's warnings are
     * printed once the session's checks have passed, just before the transaction is signed; a look-alike is refused
     * unless {@code allowLookalike}.
     */
    private static <R extends CommandResult> R moveTokens(CavosCommand root, String tokenText, String partyLabel, String partyText,
            String amountText, boolean approval, boolean allowLookalike, TokenMove<R> report) {
        Optional<Token> builtIn = Inputs.builtInToken(tokenText);
        builtIn.ifPresent(known -> Inputs.amount(amountText, known, approval)); // bad input is told before anything else is opened
        root.feeOptions().checkedMode(true);
        AddressBook book = AddressBook.open(root.home());
        Felt party = ContactsCommand.resolve(book, partyLabel, partyText);
        Optional<String> partyName = book.nameOf(party);
        WalletService wallet = root.wallet();
        Token asset = builtIn.orElseGet(() -> Inputs.token(tokenText, () -> wallet));
        U256 value = Inputs.amount(amountText, asset, approval);
        FeePayment payment = root.feePayment(wallet);
        List<RecipientWarning> checks = wallet.checkRecipient(party, book);
        Optional<RecipientWarning> lookalike = checks.stream().filter(w -> w.kind() == RecipientWarning.Kind.LOOKALIKE).findFirst();
        if (lookalike.isPresent() && !allowLookalike) {
            WalletError refused = RecipientCheck.refusal(lookalike.get());
            throw new WalletError(refused.code(), refused.getMessage(), refused.advice(), new NextStep.FixArgument("If it is right, send"
                    + " again with --allow-lookalike."));
        }
        List<String> warnings = checks.stream().map(RecipientWarning::message).toList();
        Progress shown = Render.progress(root.output(), wallet);
        Progress progress = new Progress() {
            @Override
            public void step(String message) {
                shown.step(message);
            }

            @Override
            public void checked() {
                warnings.forEach(root.output()::warning);
            }

            @Override
            public void submitted(Felt hash) {
                shown.submitted(hash);
            }
        };
        Transaction sent = Transaction.of(approval
                ? wallet.approve(asset, party, value, payment, root.waitForReceipt(), root.timeout(), progress)
                : wallet.transfer(asset, party, value, payment, root.waitForReceipt(), root.timeout(), progress));
        return report.result(sent, asset.symbol(), value.toAmountString(asset.decimals()), value, party, partyName,
                checks.stream().map(w -> w.kind().id()).toList(), warnings);
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

    @Command(name = "execute", mixinStandardHelpOptions = true, description = "Invokes a contract function in a transaction.")
    static final class Execute implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SingleCall call;

        @Override
        public CommandResult call() {
            Call one = call.toCall();
            return new ExecuteResult(send(root, List.of(one)), one.to(), call.entrypoint);
        }
    }

    @Command(name = "multicall", mixinStandardHelpOptions = true, description = "Several calls in one transaction (all or nothing).")
    static final class Multicall implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--calls", required = true, paramLabel = "JSON|@FILE",
                description = "[{\"contractAddress\":\"0x…\",\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\",\"u256:100\"]}, …]")
        String calls;

        @Override
        public CommandResult call() {
            return new MulticallResult(send(root, Inputs.calls(calls)));
        }
    }

    private static Transaction send(CavosCommand root, List<Call> calls) {
        root.feeOptions().checkedMode(true);
        WalletService wallet = root.wallet();
        FeePayment payment = root.feePayment(wallet);
        return Transaction.of(wallet.execute(calls, payment, root.waitForReceipt(), root.timeout(), Render.progress(root.output(), wallet)));
    }

    @Command(name = "call", mixinStandardHelpOptions = true, description = "Reads from a contract (nothing is sent, no fee).")
    static final class CallCommand implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @ArgGroup(exclusive = false, multiplicity = "1")
        SingleCall call;

        @Override
        public CommandResult call() {
            return new CallResult(root.wallet().call(call.toCall()));
        }
    }

    @Command(name = "simulate", mixinStandardHelpOptions = true, description = "Checks calls against the session and estimates the fee. Nothing is sent.")
    static final class Simulate implements Callable<CommandResult> {
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
        public CommandResult call() {
            List<Call> calls = what.calls != null ? Inputs.calls(what.calls) : List.of(what.single.toCall());
            root.feeOptions().checkedMode(false);
            WalletService wallet = root.wallet();
            FeePayment payment = root.quotedFeePayment(wallet);
            if (!(payment instanceof FeePayment.Self)) {
                // the paymaster builds it and the wallet checks what it built; nothing is signed
                GaslessQuote quote = wallet.quoteGasless(calls, payment);
                Token unit = quote.gasToken().orElse(Token.STRK);
                return new SimulateResult(quote.estimated().toAmountString(unit.decimals()), quote.maximum().toAmountString(unit.decimals()),
                        unit.symbol(), Optional.empty(), Optional.empty(), Optional.empty(), calls.size(), payment.mode());
            }
            FeeQuote quote = wallet.simulate(calls);
            return new SimulateResult(Render.strkAmount(quote.estimatedFee()), Render.strkAmount(quote.maxFee()), "STRK",
                    Optional.of(quote.estimate().l2GasConsumed().toString()), Optional.of(quote.estimate().l1DataGasConsumed().toString()),
                    Optional.of(quote.estimate().l1GasConsumed().toString()), calls.size(), payment.mode());
        }
    }

    @Command(name = "tx", mixinStandardHelpOptions = true, description = "Transactions.", subcommands = Tx.Status.class)
    static final class Tx {
        @ParentCommand
        CavosCommand root;

        @Command(name = "status", mixinStandardHelpOptions = true, description = "Where a transaction is, and its receipt.")
        static final class Status implements Callable<CommandResult> {
            @ParentCommand
            Tx tx;

            @Parameters(paramLabel = "HASH")
            String hash;

            @Override
            public CommandResult call() {
                Felt txHash;
                try {
                    txHash = Felt.parse("Transaction hash", hash);
                } catch (xyz.cavos.wallet.starknet.InvalidValueException e) {
                    throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage() + ".", "Give the 0x… hash printed when the transaction was sent.");
                }
                var view = tx.root.wallet().transactionStatus(txHash);
                return new TxStatusResult(txHash, view.status().finalityStatus(), view.status().executionStatus(),
                        view.status().failureReason(), view.receipt().map(r -> Render.strkAmount(r.actualFee())),
                        Render.blockNumber(view.receipt()),
                        view.explorerLink());
            }
        }
    }

    @Command(name = "policy", mixinStandardHelpOptions = true, description = "The session's policy.", subcommands = Policy.Show.class)
    static final class Policy {
        /** The entry points the account counts towards spending limits. */
        static final List<String> COUNTED_ENTRYPOINTS = List.of("transfer", "approve");

        @ParentCommand
        CavosCommand root;

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Spending limits with usage, allowed contracts, max calls per transaction.")
        static final class Show implements Callable<CommandResult> {
            @ParentCommand
            Policy policy;

            @Override
            public CommandResult call() {
                PolicyUsage usage = policy.root.wallet().policyUsage();
                return new PolicyResult(
                        usage.limits().stream().map(l -> new PolicyResult.Limit(l.tokenAddress(), l.symbol(), l.spentDisplay(),
                                l.limitDisplay(), l.remaining().toAmountString(l.decimals()),
                                usage.renewals().sinceFirstExport(l.tokenAddress(), l.spent()).toAmountString(l.decimals()), l.spent(),
                                l.limit())).toList(),
                        usage.allowedContracts().stream().map(c -> new PolicyResult.Contract(c.address(), c.name())).toList(),
                        !usage.restrictsContracts(), usage.maxCallsPerTx(), COUNTED_ENTRYPOINTS, usage.fromChain() ? "chain" : "token",
                        usage.renewals().renewals(), usage.warnings());
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = {"Revokes this session on chain.",
            "With --all, revokes every session of the wallet (emergency), after asking twice."})
    static final class Revoke implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--all", description = "Emergency: revoke every session of this wallet, on every device.")
        boolean all;

        @Option(names = "--yes", description = "Do not ask (for scripts).")
        boolean yes;

        @Override
        public CommandResult call() {
            root.feeOptions().checkedMode(true);
            WalletService wallet = root.wallet();
            FeePayment payment = root.feePayment(wallet);
            if (all && !yes) {
                confirmTwice(wallet.token().walletAddress());
            }
            var progress = Render.progress(root.output(), wallet);
            Transaction sent = Transaction.of(all ? wallet.revokeAll(payment, root.waitForReceipt(), root.timeout(), progress)
                    : wallet.revoke(payment, root.waitForReceipt(), root.timeout(), progress));
            return new RevokeResult(sent, all ? RevokeResult.ALL : wallet.token().sessionPublicKey().toHex(), wallet.token().walletAddress());
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

    @Command(name = "renew", mixinStandardHelpOptions = true, description = {
            "Renews an expired session within its grace window: a new key with the policy the chain enforces.",
            "A key is renewed once from this computer; --force renews it again (each renewal brings a fresh allowance)."})
    static final class Renew implements Callable<CommandResult> {
        @ParentCommand
        CavosCommand root;

        @Option(names = "--force", description = "Renew a key this computer renewed before.")
        boolean force;

        @Override
        public CommandResult call() {
            root.feeOptions().checkedMode(true);
            WalletService wallet = root.wallet();
            WalletService.Renewal renewal = wallet.renew(force, root.feePayment(wallet), root.timeout(), Render.progress(root.output(), wallet));
            SessionToken newToken = renewal.newToken();
            // a session from --token or CAVOS_TOKEN, or one that could not be stored, is handed back: never lost
            return new RenewResult(Transaction.of(renewal.outcome()), SessionSummary.of(newToken, newToken.network()), renewal.storedIn(),
                    renewal.storedIn().isPresent() ? Optional.empty() : Optional.of(newToken.encode()),
                    renewal.notStored().map(Throwable::getMessage));
        }
    }
}
