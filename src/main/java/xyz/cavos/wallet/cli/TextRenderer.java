package xyz.cavos.wallet.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import xyz.cavos.wallet.cli.CommandResult.ApproveResult;
import xyz.cavos.wallet.cli.CommandResult.BalanceResult;
import xyz.cavos.wallet.cli.CommandResult.CallResult;
import xyz.cavos.wallet.cli.CommandResult.ClearResult;
import xyz.cavos.wallet.cli.CommandResult.ConfigResult;
import xyz.cavos.wallet.cli.CommandResult.AllowancesResult;
import xyz.cavos.wallet.cli.CommandResult.ContactChangeResult;
import xyz.cavos.wallet.cli.CommandResult.TokenChangeResult;
import xyz.cavos.wallet.cli.CommandResult.TokensResult;
import xyz.cavos.wallet.cli.CommandResult.ContactsResult;
import xyz.cavos.wallet.cli.CommandResult.ExecuteResult;
import xyz.cavos.wallet.cli.CommandResult.ExportResult;
import xyz.cavos.wallet.cli.CommandResult.HistoryCsv;
import xyz.cavos.wallet.cli.CommandResult.HistoryResult;
import xyz.cavos.wallet.cli.CommandResult.ImportResult;
import xyz.cavos.wallet.cli.CommandResult.MulticallResult;
import xyz.cavos.wallet.cli.CommandResult.NetworkCheckResult;
import xyz.cavos.wallet.cli.CommandResult.PolicyResult;
import xyz.cavos.wallet.cli.CommandResult.RenewResult;
import xyz.cavos.wallet.cli.CommandResult.RevokeResult;
import xyz.cavos.wallet.cli.CommandResult.SessionListResult;
import xyz.cavos.wallet.cli.CommandResult.SessionStatusResult;
import xyz.cavos.wallet.cli.CommandResult.SessionUseResult;
import xyz.cavos.wallet.cli.CommandResult.SimulateResult;
import xyz.cavos.wallet.cli.CommandResult.Transaction;
import xyz.cavos.wallet.cli.CommandResult.TransferResult;
import xyz.cavos.wallet.cli.CommandResult.TxStatusResult;
import xyz.cavos.wallet.cli.CommandResult.WhoamiResult;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.wallet.Amounts;

/** The human form of each result: aligned, calm, every field of the JSON in words. */
final class TextRenderer {

    private TextRenderer() {
    }

    static String render(CommandResult result) {
        return switch (result) {
            case ImportResult r -> imported(r);
            case SessionStatusResult r -> sessionStatus(r);
            case ClearResult r -> cleared(r);
            case SessionListResult r -> sessionList(r);
            case SessionUseResult r -> "Session " + r.name() + " is now current (wallet " + r.walletAddress().toHex()
                    + r.network().map(n -> " on " + n).orElse("") + ")." + "\nCommands that name no session use it; for one command"
                    + " only: cavos --session NAME …";
            case ExportResult r -> r.token();
            case WhoamiResult r -> r.sessionName().map(n -> "Session      " + n + "\n").orElse("")
                    + "Wallet       " + r.walletAddress().toHex() + "\n"
                    + "Session key  " + r.sessionKey().toHex() + "\n"
                    + "Network      " + r.network() + " via " + r.rpcEndpoint() + "\n"
                    + "State        " + r.state().label() + " (valid from " + Render.time(r.validAfter()) + " until "
                    + Render.time(r.validUntil()) + ")";
            case BalanceResult r -> balance(r);
            case PolicyResult r -> policy(r);
            case CallResult r -> r.result().isEmpty() ? "(no return values)"
                    : r.result().stream().map(Felt::toHex).collect(Collectors.joining("\n"));
            case SimulateResult r -> simulated(r);
            case TxStatusResult r -> txStatus(r);
            case TransferResult r -> "Sent " + Amounts.readable(r.amount()) + " " + r.token() + " to " + named(r.to(), r.toName()) + "\n"
                    + transaction(r.transaction());
            case ApproveResult r -> "Approved " + named(r.spender(), r.spenderName()) + " to spend " + Amounts.readable(r.amount()) + " " + r.token() + "\n"
                    + transaction(r.transaction());
            case ExecuteResult r -> "Executed " + r.entrypoint() + " on " + r.contract().toHex() + "\n" + transaction(r.transaction());
            case MulticallResult r -> "Executed " + r.transaction().calls() + " calls\n" + transaction(r.transaction());
            case RevokeResult r -> (r.revoked().equals(RevokeResult.ALL)
                    ? "Revoked all sessions of wallet " + r.walletAddress().toHex() + ", on every device.\n"
                    : "Session " + r.revoked() + " of wallet " + r.walletAddress().toHex() + " is revoked on chain."
                            + " Remove it from this computer with: cavos session clear\n")
                    + transaction(r.transaction());
            case RenewResult r -> renewed(r);
            case NetworkCheckResult r -> networkCheck(r);
            case ConfigResult r -> config(r);
            case ContactsResult r -> contacts(r);
            case ContactChangeResult r -> (r.action().equals("added")
                    ? "Added \"" + r.name() + "\" " + r.address().toHex() + " to the address book."
                    : "Removed \"" + r.name() + "\" " + r.address().toHex() + " from the address book.")
                    + r.note().map(n -> "\n  note  " + n).orElse("");
            case HistoryResult r -> history(r);
            case TokensResult r -> tokens(r);
            case TokenChangeResult r -> (r.action().equals("added") ? "Added " : "Removed ") + r.token().symbol() + " "
                    + r.token().address().toHex() + " (" + r.token().decimals() + " decimals) " + (r.action().equals("added") ? "to" : "from")
                    + " the tokens on " + r.network() + ".\n  source      " + r.token().source() + "\n  look-alike  "
                    + (r.token().lookalike() ? "yes: its symbol is another token's, shown with a short address" : "no");
            case AllowancesResult r -> allowances(r);
            case HistoryCsv r -> r.csv();
        };
    }

    /** An address with its contact's name first, when it has one. */
    private static String named(Felt address, Optional<String> name) {
        return name.map(n -> n + " (" + address.toHex() + ")").orElse(address.toHex());
    }

    /** The listed tokens as a table. */
    private static String tokens(TokensResult r) {
        StringBuilder text = new StringBuilder("Tokens on " + r.network() + ":\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Symbol", "Address", "Decimals", "Source", "Look-alike"));
        r.tokens().forEach(t -> rows.add(List.of(t.symbol(), t.address().toHex(), String.valueOf(t.decimals()), t.source(),
                t.lookalike() ? "yes" : "no")));
        table(text, rows);
        return text.toString();
    }

    /** The allowances as a table, open ones first. */
    private static String allowances(AllowancesResult r) {
        StringBuilder text = new StringBuilder("Allowances of " + r.walletAddress().toHex() + " on " + r.network() + ":\n");
        if (r.allowances().isEmpty()) {
            return text.append("  none approved from this computer\n").toString();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Token", "Spender", "Allowance", "Open", "Approved"));
        r.allowances().forEach(a -> rows.add(List.of(a.token() + " " + a.tokenAddress().toHex(), named(a.spender(), a.spenderName()),
                Amounts.readable(a.amount()), a.open() ? "yes" : "no (revoked or spent)", Render.time(a.approvedAt()))));
        table(text, rows);
        return text.toString();
    }

    /** The contacts as a table, then the recent recipients, newest first. */
    private static String contacts(ContactsResult r) {
        StringBuilder text = new StringBuilder();
        if (r.contacts().isEmpty()) {
            text.append("No contacts yet. Add one with: cavos contacts add NAME ADDRESS [--note TEXT]\n");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Name", "Address", "Note"));
            r.contacts().forEach(c -> rows.add(List.of(c.name(), c.address().toHex(), c.note().orElse(""))));
            table(text, rows);
        }
        if (!r.recent().isEmpty()) {
            text.append("\nSent to recently (newest first):\n");
            List<List<String>> rows = new ArrayList<>();
            r.recent().forEach(sent -> rows.add(List.of(Render.time(sent.sentAt()), sent.token(), sent.address().toHex(), sent.name().orElse(""))));
            table(text, rows);
        }
        return text.append("Kept in ").append(r.file()).append('\n').toString();
    }

    /** Rows as aligned columns, indented by two spaces. */
    private static void table(StringBuilder text, List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < row.size(); c++) {
                line.append(' ').append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length())).append(' ');
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** A table of the endpoints, each with the line saying what is wrong when it cannot be used, and how many can. */
    private static String networkCheck(NetworkCheckResult r) {
        StringBuilder text = new StringBuilder(r.network().map(n -> "Endpoints for " + n)
                .orElse("Endpoints given (no network named: any chain is accepted)") + ", in the order they are tried:\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("#", "endpoint", "verdict", "reachable", "chain", "spec", "latency", "batches", "pre_confirmed"));
        for (NetworkCheckResult.Endpoint e : r.endpoints()) {
            rows.add(List.of(String.valueOf(e.position()), e.endpoint(), e.verdict(), e.reachable() ? "yes" : "no", e.chain().orElse("?"),
                    e.specVersion().orElse("?"), e.latencyMs().isPresent() ? e.latencyMs().getAsLong() + " ms" : "?", yesNoUnknown(e.batches()),
                    yesNoUnknown(e.preConfirmed())));
        }
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            StringBuilder line = new StringBuilder("  ").append(" ".repeat(widths[0] - row.getFirst().length())).append(row.getFirst());
            for (int c = 1; c < row.size(); c++) {
                line.append("  ").append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length()));
            }
            text.append(line.toString().stripTrailing()).append('\n');
            if (i > 0) {
                r.endpoints().get(i - 1).problem().ifPresent(problem -> text.append(" ".repeat(widths[0] + 4)).append(problem).append('\n'));
            }
        }
        text.append(r.usable()).append(" of ").append(r.endpoints().size()).append(r.endpoints().size() == 1 ? " endpoint" : " endpoints")
                .append(" can be used.");
        if (r.usable() == 0) {
            String network = r.network().orElse("<network>");
            text.append(" Give working ones with: cavos config set ").append(network).append(".rpc-urls URL…, --rpc-url URL (repeatable)")
                    .append(" or CAVOS_RPC_URLS.");
        }
        return text.append('\n').toString();
    }

    /** A table, newest first: time, what, amount, the other party, status, transaction; reasons under reverted lines. */
    private static String history(HistoryResult r) {
        if (r.entries().isEmpty()) {
            return "No activity for wallet " + r.walletAddress().toHex() + " on " + r.network() + " since the session was registered.";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("time", "what", "amount", "counterparty", "status", "block", "transaction"));
        for (HistoryResult.Entry e : r.entries()) {
            String what = switch (e.kind()) {
                case "received" -> "received";
                case "sent" -> "sent";
                case "fee" -> "fee";
                case "transaction" -> e.description();
                default -> e.kind().replace('_', ' ');
            };
            String amount = e.amount().map(a -> (e.direction().filter("out"::equals).isPresent() ? "-" : "+") + Amounts.readable(a) + " " + e.token().orElse(""))
                    .orElse("");
            rows.add(List.of(e.time().map(Render::time).orElse("pending"), what, amount, e.counterparty().map(Felt::toHex).orElse(""),
                    e.status(), e.block().isPresent() ? Long.toString(e.block().getAsLong()) : "", e.transactionHash().map(Felt::toHex).orElse("")));
        }
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder("History of wallet " + r.walletAddress().toHex() + " on " + r.network() + ", newest first"
                + " (blocks " + r.toBlock() + " to " + r.fromBlock() + " read):\n");
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < row.size(); c++) {
                boolean right = c == 2 || c == 5;
                String pad = " ".repeat(widths[c] - row.get(c).length());
                line.append(' ').append(right ? pad + row.get(c) : row.get(c) + pad);
            }
            text.append(line.toString().stripTrailing()).append('\n');
            if (i > 0) {
                r.entries().get(i - 1).revertReason().ifPresent(reason -> text.append("    reverted: ").append(reason.strip().lines().findFirst()
                        .orElse("")).append('\n'));
            }
        }
        text.append(r.more() ? "Older entries remain: ask for more with --limit." : "That is everything since the session was registered.");
        return text.append('\n').toString();
    }

    private static String config(ConfigResult r) {
        StringBuilder text = new StringBuilder();
        r.changed().ifPresent(change -> text.append(change.action().equals("set") ? "Set " : "Unset ").append(change.key())
                .append(change.action().equals("unset") && change.key().endsWith(".rpc-urls") ? ": the public defaults are used again" : "")
                .append(".\n"));
        text.append("Network: ").append(r.network().map(n -> n + " (used when nothing else names one)")
                .orElse("none chosen (a session's own, else found on chain)")).append('\n');
        for (ConfigResult.NetworkEndpoints list : r.endpoints()) {
            text.append(list.network()).append(" endpoints, tried in this order:\n");
            list.endpoints().forEach(e -> text.append("  ").append(e.position()).append(". ").append(e.endpoint())
                    .append(e.isDefault() ? "  (default)" : "").append(e.inKeychain() ? "  (in keychain)" : "").append('\n'));
        }
        text.append("Paymaster: ").append(r.paymasterUrl().orElse("none")).append('\n');
        text.append("Paymaster API key kept: ").append(r.paymasterApiKey() ? "yes, in the keychain" : "no").append('\n');
        r.changed().filter(change -> change.action().equals("set") && change.key().endsWith(".rpc-urls")).ifPresent(change -> text
                .append("Check them with: cavos --network ").append(change.key().replace(".rpc-urls", "")).append(" network check\n"));
        return text.toString();
    }

    private static String yesNoUnknown(Optional<Boolean> value) {
        return value.map(v -> v ? "yes" : "no").orElse("?");
    }

    private static String cleared(ClearResult r) {
        if (!r.cleared()) {
            return r.name().map(n -> "The session " + n + " had no token stored; it is no longer listed.").orElse("No session was stored.")
                    + r.current().map(c -> " The current session is " + c + ".").orElse("");
        }
        String after = r.current().map(c -> "the current session is now " + c + ".").orElse("no session is stored here any more.");
        return "Session removed from this computer (" + String.join(" and ", r.removed()) + "). It is still valid on chain until it"
                + " expires; to end it there too, run cavos revoke before clearing.\n"
                + r.name().map(n -> "Removed the session " + n + "; " + after).orElseGet(() -> Character.toUpperCase(after.charAt(0))
                        + after.substring(1));
    }

    /** One line per session, the current one marked with *, the wallet shortened. */
    private static String sessionList(SessionListResult r) {
        if (r.sessions().isEmpty()) {
            return "No session is stored here. Import one with: cavos session import";
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("", "name", "wallet", "network", "store", "imported"));
        for (SessionListResult.Entry e : r.sessions()) {
            rows.add(List.of(e.current() ? "*" : "", e.name(), shortAddress(e.walletAddress()),
                    e.network().orElse("?") + e.rpcUrl().map(u -> " via " + u).orElse(""), e.store(),
                    e.importedAt().map(Render::time).orElse("before names")));
        }
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length())).append("  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        text.append(r.current().map(c -> "Current: " + c + " (marked *).").orElse("No session is current."))
                .append(" Switch with: cavos session use NAME; for one command: cavos --session NAME …");
        return text.toString();
    }

    /** 0x4a1b…e8f: enough to tell wallets apart in a table. */
    private static String shortAddress(Felt address) {
        String hex = address.toHex();
        return hex.length() <= 12 ? hex : hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }

    private static String imported(ImportResult r) {
        return "Session imported into the " + r.storeFile().map(file -> "encrypted file " + file).orElse("OS keychain") + ".\n"
                + "  name         " + r.name() + " (now the current session)\n"
                + "  wallet       " + r.session().walletAddress().toHex() + "\n"
                + "  session key  " + r.session().sessionKey().toHex() + "\n"
                + "  valid from   " + Render.time(r.session().validAfter()) + "\n"
                + "  valid until  " + Render.time(r.session().validUntil()) + "\n"
                + "  network      " + r.session().network().orElse("detected on first use (or pass --network)") + "\n"
                + r.alongside().map(before -> "The session " + before + " holds another key, so it was kept: switch back with"
                        + " cavos session use " + before + ".\n").orElse("")
                + "Next: cavos session status";
    }

    private static String sessionStatus(SessionStatusResult r) {
        String state = r.state().label() + switch (r.state()) {
            case ACTIVE, EXPIRING_SOON -> " (" + Render.duration(r.secondsLeft()) + " left)";
            case EXPIRED_RENEWABLE -> " (renew with: cavos renew, until " + Render.time(r.renewalDeadline()) + ")";
            case NOT_YET_ACTIVE -> " (starts " + Render.time(r.validAfter()) + ")";
            case REVOKED, EXPIRED, NOT_REGISTERED -> r.revocation().map(reason -> " (" + reason + ")").orElse("");
        };
        return r.sessionName().map(n -> "Session: " + n + "\n").orElse("")
                + "Session Key: " + r.sessionKey().toHex() + "\n"
                + "Registered: " + yesNo(r.isRegistered()) + "\n"
                + "State: " + state + "\n"
                + "Valid After: " + Render.time(r.validAfter()) + "\n"
                + "Valid Until: " + Render.time(r.validUntil()) + "\n"
                + "Renewal Deadline: " + Render.time(r.renewalDeadline()) + "\n"
                + "Renewable: " + yesNo(r.isRenewable()) + "\n"
                + "Calls Made: " + r.callsMade() + " (" + r.callsMadeNote() + ")\n"
                + "Wallet: " + r.walletAddress().toHex() + "\n"
                + "Network: " + r.network() + " (block " + r.blockNumber() + ", chain time " + Render.time(r.chainTime()) + ")";
    }

    private static String balance(BalanceResult r) {
        StringBuilder text = new StringBuilder("Wallet " + r.walletAddress().toHex() + " on " + r.network()
                + " (block " + r.blockNumber() + ", " + r.blockTag() + ")\n");
        r.balances().forEach(b -> text.append(String.format("  %-5s %s%n", b.symbol(), Amounts.readable(b.balance()))));
        return text.toString();
    }

    private static String policy(PolicyResult r) {
        StringBuilder text = new StringBuilder("Spending Limits:\n");
        if (r.spendingLimits().isEmpty()) {
            text.append("  none\n");
        }
        r.spendingLimits().forEach(l -> text.append("  ").append(l.symbol()).append(": ").append(Amounts.readable(l.spent())).append(" / ")
                .append(Amounts.readable(l.limit())).append(" used").append(r.renewals() > 0 ? " (" + Amounts.readable(l.spentSinceFirstExport()) + " since the first export)" : "")
                .append('\n'));
        text.append("Allowed Contracts:\n");
        if (r.allowedContracts().isEmpty()) {
            text.append(r.anyContract() ? "  any\n" : "  restricted to a list this token does not have\n");
        }
        r.allowedContracts().forEach(c -> text.append("  ").append(c.name()).append('\n'));
        text.append("Max Calls Per Transaction: ").append(r.maxCallsPerTx()).append('\n');
        text.append("Renewed From This Computer: ").append(r.renewals()).append(r.renewals() == 1 ? " time\n" : " times\n");
        text.append("Read From: ").append(r.policySource()).append(r.policySource().equals("chain") ? " (the account's storage)\n"
                : " (its copy of the policy; see the warnings)\n");
        text.append("Only ").append(String.join(" and ", r.countedEntrypoints()))
                .append(" count towards spending limits (enforced on chain).\n");
        return text.toString();
    }

    private static String txStatus(TxStatusResult r) {
        return "Transaction " + r.transactionHash().toHex() + "\n"
                + "  finality   " + r.finalityStatus() + "\n"
                + r.executionStatus().map(s -> "  execution  " + s + "\n").orElse("")
                + r.failureReason().map(s -> "  reason     " + s.strip().replace("\n", "\n             ") + "\n").orElse("")
                + (r.blockNumber().isPresent() ? "  block      " + r.blockNumber().getAsLong() + "\n" : "")
                + r.fee().map(fee -> "  fee        " + fee + " STRK\n").orElse("")
                + r.explorerUrl().map(l -> "  explorer   " + l + "\n").orElse("");
    }

    private static String renewed(RenewResult r) {
        var session = r.session();
        return "Session renewed: a new key, valid until " + Render.time(session.validUntil()) + ".\n"
                + "  session key  " + session.sessionKey().toHex() + "\n"
                + "  wallet       " + session.walletAddress().toHex() + "\n"
                + "  valid from   " + Render.time(session.validAfter()) + "\n"
                + session.network().map(n -> "  network      " + n + "\n").orElse("")
                + transaction(r.transaction())
                + r.store().map(store -> "The new session replaced the old one in the " + store + ".")
                        // the old token came from --token or CAVOS_TOKEN, or could not be stored: it goes back by hand
                        .orElseGet(() -> r.notStored().map(why -> "The new session could not be stored: " + why + "\n").orElse("")
                                + "Use the new session from now on:\n  export CAVOS_TOKEN=\"" + r.token().orElseThrow() + "\"");
    }

    /** The lines every write shows under its headline. */
    private static String transaction(Transaction t) {
        String hash = t.transactionHash().toHex();
        StringBuilder text = new StringBuilder();
        text.append("  transaction  ").append(hash).append(" (").append(t.calls()).append(t.calls() == 1 ? " call)\n" : " calls)\n");
        if (t.blockNumber().isPresent()) {
            text.append("  status       ").append(words(t.status())).append(" in block ").append(t.blockNumber().getAsLong()).append('\n');
        } else {
            text.append("  status       ").append(words(t.status())).append(", not waited for (check: cavos tx status ")
                    .append(hash).append(")\n");
        }
        text.append("  fee          ").append(fee(t)).append('\n');
        t.explorerUrl().ifPresent(link -> text.append("  explorer     ").append(link).append('\n'));
        return text.toString();
    }

    private static String simulated(SimulateResult r) {
        String cost = switch (r.feeMode()) {
            case "sponsored" -> "  fee            none (0 " + r.unit() + "): the paymaster sponsors it\n";
            case "token" -> "  fee            about " + Amounts.readable(r.estimatedFee()) + " " + r.unit() + ", at most "
                    + Amounts.readable(r.maxFee()) + " " + r.unit() + ", paid to the paymaster in its gas token\n";
            default -> "  estimated fee  " + Amounts.readable(r.estimatedFee()) + " " + r.unit() + ", self-paid\n"
                    + "  at most        " + Amounts.readable(r.maxFee()) + " " + r.unit() + "\n"
                    + "  gas            L2 " + r.l2GasConsumed().orElse("?") + ", L1 data " + r.l1DataGasConsumed().orElse("?") + ", L1 "
                    + r.l1GasConsumed().orElse("?") + "\n";
        };
        return "The session allows these " + r.calls() + " call(s).\n" + cost + "Nothing was sent.";
    }

    /** Who paid the fee, and how much the wallet paid or may pay. */
    private static String fee(Transaction t) {
        String unit = t.feeUnit().orElse("STRK");
        return switch (t.feeMode()) {
            case "sponsored" -> "none (0 " + unit + "): sponsored by the paymaster";
            case "token" -> t.fee().map(paid -> Amounts.readable(paid) + " " + unit).orElse("at most " + Amounts.readable(t.maxFee()) + " " + unit)
                    + ", paid to the paymaster in its gas token";
            default -> t.fee().map(paid -> Amounts.readable(paid) + " " + unit + ", self-paid (estimated " + Amounts.readable(t.estimatedFee())
                    + ", at most " + Amounts.readable(t.maxFee()) + ")")
                    .orElse("about " + Amounts.readable(t.estimatedFee()) + " " + unit + ", self-paid (at most " + Amounts.readable(t.maxFee()) + ")");
        };
    }

    /** ACCEPTED_ON_L2 as people read it: accepted on L2. */
    private static String words(String status) {
        return Arrays.stream(status.split("_")).map(w -> w.matches("L\\d") ? w : w.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
