package xyz.cavos.wallet.cli;

import java.io.Console;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.cli.CliCommand.Arg;
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

    static final class Whoami extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        Whoami(CavosCommand root) {
            super("whoami", "The wallet and session in use, and where they are.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            WalletService wallet = root.wallet();
            SessionStatus status = wallet.sessionStatus();
            return new WhoamiResult(status.walletAddress(), status.sessionKey(), Instant.ofEpochSecond(status.validAfter()),
                    Instant.ofEpochSecond(status.validUntil()), wallet.network().name(), wallet.rpcEndpointForDisplay(), status.state(),
                    root.storedSessionName());
        }
    }

    static final class BalanceCommand extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> onlyToken = option("--token", "TOKEN", "Only this token: STRK, ETH, USDC, USDT, a listed token's"
                + " symbol (see cavos tokens list) or an address.");

        BalanceCommand(CavosCommand root) {
            super("balance", "Token balances of the wallet (exact, with each token's decimals).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            String token = onlyToken.value();
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

    static final class Transfer extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> to = requiredOption("--to", "NAME|ADDRESS", "Recipient: a contact's name or an address.");

        private final Arg<String> amount = requiredOption("--amount", "AMOUNT", "Amount in tokens, e.g. 1.5 (exact; no exponents).");

        private final Arg<String> token = requiredOption("--token", "TOKEN", "STRK, ETH, USDC, USDT, a listed token's"
                + " symbol (see cavos tokens list) or a token address.");

        private final Arg<Boolean> allowLookalike = flag("--allow-lookalike", "Send even though the recipient looks like a contact"
                + " or a recent recipient (same first and last digits, others in between).");

        Transfer(CavosCommand root) {
            super("transfer", "Sends tokens within the session's limits.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            return moveTokens(root, token.value(), "Recipient", to.value(), amount.value(), false, allowLookalike.value(), TransferResult::new);
        }
    }

    static final class Approve extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> spender = requiredOption("--spender", "NAME|ADDRESS", "A contact's name or an address.");

        private final Arg<String> amount = requiredOption("--amount", "AMOUNT", "Amount in tokens; 0 revokes the spender's allowance.");

        private final Arg<String> token = requiredOption("--token", "TOKEN", "As for transfer: a symbol or a token address.");

        private final Arg<Boolean> allowLookalike = flag("--allow-lookalike", "Approve even though the spender looks like a contact or"
                + " a recent recipient.");

        Approve(CavosCommand root) {
            super("approve", "Lets a spender move tokens from the wallet (counts towards the spending limit).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            return moveTokens(root, token.value(), "Spender", spender.value(), amount.value(), true, allowLookalike.value(), ApproveResult::new);
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

    /** One contract call given by options: --contract and --entrypoint, with --calldata or without. */
    static final class SingleCall {
        private final Arg<String> contract = Arg.of(OptionSpec.builder("--contract").type(String.class).required(true)
                .paramLabel("ADDRESS"));

        private final Arg<String> entrypoint = Arg.of(OptionSpec.builder("--entrypoint").type(String.class).required(true)
                .paramLabel("NAME").description("Function name, or its selector in hex."));

        private final Arg<String> calldata = Arg.of(OptionSpec.builder("--calldata").type(String.class).paramLabel("VALUES")
                .description("Comma-separated: 0x1,100,u256:1000,str:text"));

        /** The three options as a group, given {@code multiplicity} times (e.g. "1", "0..1"). */
        ArgGroupSpec group(String multiplicity) {
            return ArgGroupSpec.builder().exclusive(false).multiplicity(multiplicity).addArg(contract.spec()).addArg(entrypoint.spec())
                    .addArg(calldata.spec()).build();
        }

        String entrypoint() {
            return entrypoint.value();
        }

        Call toCall() {
            return new Call(Inputs.address("Contract address", contract.value()), Inputs.entrypoint(entrypoint.value()),
                    Inputs.calldata(calldata.value()));
        }
    }

    static final class Execute extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;
        private final SingleCall call = new SingleCall();

        Execute(CavosCommand root) {
            super("execute", "Invokes a contract function in a transaction.");
            this.root = root;
            add(call.group("1"));
        }

        @Override
        public CommandResult call() {
            Call one = call.toCall();
            return new ExecuteResult(send(root, List.of(one)), one.to(), call.entrypoint());
        }
    }

    static final class Multicall extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<String> calls = requiredOption("--calls", "JSON|@FILE",
                "[{\"contractAddress\":\"0x…\",\"entrypoint\":\"transfer\",\"calldata\":[\"0x1\",\"u256:100\"]}, …]");

        Multicall(CavosCommand root) {
            super("multicall", "Several calls in one transaction (all or nothing).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            return new MulticallResult(send(root, Inputs.calls(calls.value())));
        }
    }

    private static Transaction send(CavosCommand root, List<Call> calls) {
        root.feeOptions().checkedMode(true);
        WalletService wallet = root.wallet();
        FeePayment payment = root.feePayment(wallet);
        return Transaction.of(wallet.execute(calls, payment, root.waitForReceipt(), root.timeout(), Render.progress(root.output(), wallet)));
    }

    static final class CallCommand extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;
        private final SingleCall call = new SingleCall();

        CallCommand(CavosCommand root) {
            super("call", "Reads from a contract (nothing is sent, no fee).");
            this.root = root;
            add(call.group("1"));
        }

        @Override
        public CommandResult call() {
            return new CallResult(root.wallet().call(call.toCall()));
        }
    }

    static final class Simulate extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;
        private final SingleCall single = new SingleCall();
        private final Arg<String> several = Arg.of(OptionSpec.builder("--calls").type(String.class).paramLabel("JSON|@FILE"));

        Simulate(CavosCommand root) {
            super("simulate", "Checks calls against the session and estimates the fee. Nothing is sent.");
            this.root = root;
            // one call by its options, or several as JSON: one of the two
            add(ArgGroupSpec.builder().exclusive(true).multiplicity("1").addSubgroup(single.group("0..1")).addArg(several.spec()).build());
        }

        @Override
        public CommandResult call() {
            List<Call> calls = several.value() != null ? Inputs.calls(several.value()) : List.of(single.toCall());
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

    static final class Tx extends CommandGroup {
        Tx(CavosCommand root) {
            super("tx", "Transactions.");
            subcommand(new Status(root));
        }

        static final class Status extends CliCommand implements Callable<CommandResult> {
            private final CavosCommand root;

            private final Arg<String> hash = parameter(0, "HASH");

            Status(CavosCommand root) {
                super("status", "Where a transaction is, and its receipt.");
                this.root = root;
            }

            @Override
            public CommandResult call() {
                Felt txHash;
                try {
                    txHash = Felt.parse("Transaction hash", hash.value());
                } catch (xyz.cavos.wallet.starknet.InvalidValueException e) {
                    throw new WalletError(WalletError.Code.INVALID_ARGUMENT, e.getMessage() + ".", "Give the 0x… hash printed when the transaction was sent.");
                }
                var view = root.wallet().transactionStatus(txHash);
                return new TxStatusResult(txHash, view.status().finalityStatus(), view.status().executionStatus(),
                        view.status().failureReason(), view.receipt().map(r -> Render.strkAmount(r.actualFee())),
                        Render.blockNumber(view.receipt()),
                        view.explorerLink());
            }
        }
    }

    static final class Policy extends CommandGroup {
        /** The entry points the account counts towards spending limits. */
        static final List<String> COUNTED_ENTRYPOINTS = List.of("transfer", "approve");

        Policy(CavosCommand root) {
            super("policy", "The session's policy.");
            subcommand(new Show(root));
        }

        static final class Show extends CliCommand implements Callable<CommandResult> {
            private final CavosCommand root;

            Show(CavosCommand root) {
                super("show", "Spending limits with usage, allowed contracts, max calls per transaction.");
                this.root = root;
            }

            @Override
            public CommandResult call() {
                PolicyUsage usage = root.wallet().policyUsage();
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

    static final class Revoke extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<Boolean> everySession = flag("--all", "Emergency: revoke every session of this wallet, on every device.");

        private final Arg<Boolean> yes = flag("--yes", "Do not ask (for scripts).");

        Revoke(CavosCommand root) {
            super("revoke", "Revokes this session on chain.", "With --all, revokes every session of the wallet (emergency), after"
                    + " asking twice.");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            boolean all = everySession.value();
            root.feeOptions().checkedMode(true);
            WalletService wallet = root.wallet();
            FeePayment payment = root.feePayment(wallet);
            if (all && !yes.value()) {
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

    static final class Renew extends CliCommand implements Callable<CommandResult> {
        private final CavosCommand root;

        private final Arg<Boolean> force = flag("--force", "Renew a key this computer renewed before.");

        Renew(CavosCommand root) {
            super("renew", "Renews an expired session within its grace window: a new key with the policy the chain enforces.",
                    "A key is renewed once from this computer; --force renews it again (each renewal brings a fresh allowance).");
            this.root = root;
        }

        @Override
        public CommandResult call() {
            root.feeOptions().checkedMode(true);
            WalletService wallet = root.wallet();
            WalletService.Renewal renewal = wallet.renew(force.value(), root.feePayment(wallet), root.timeout(), Render.progress(root.output(), wallet));
            SessionToken newToken = renewal.newToken();
            // a session from --token or CAVOS_TOKEN, or one that could not be stored, is handed back: never lost
            return new RenewResult(Transaction.of(renewal.outcome()), SessionSummary.of(newToken, newToken.network()), renewal.storedIn(),
                    renewal.storedIn().isPresent() ? Optional.empty() : Optional.of(newToken.encode()),
                    renewal.notStored().map(Throwable::getMessage));
        }
    }
}
