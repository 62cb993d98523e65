package xyz.cavos.wallet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.OptionSpec;
import xyz.cavos.wallet.cli.CommandResult.HistoryCsv;
import xyz.cavos.wallet.cli.CommandResult.HistoryResult;
import xyz.cavos.wallet.wallet.ActivityCursor;
import xyz.cavos.wallet.wallet.ActivityEntry;
import xyz.cavos.wallet.wallet.ActivityExport;
import xyz.cavos.wallet.wallet.ActivityPage;
import xyz.cavos.wallet.wallet.WalletError;
import xyz.cavos.wallet.wallet.WalletService;

/** {@code cavos history}: the wallet's token transfers in and out, the session's events and the transactions sent from here. */
final class HistoryCommand extends CliCommand implements Callable<CommandResult> {

    /** The most entries one command lists. */
    static final int MAX_LIMIT = 1000;
    /** Pages asked for to fill the limit, when the endpoint makes each page end early. */
    private static final int MAX_PAGES = 20;

    private final CavosCommand root;

    private final Arg<Integer> limit = add(OptionSpec.builder("--limit").type(int.class).paramLabel("N").defaultValue("20")
            .description("How many entries, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE})."));

    private final Arg<Boolean> csv = flag("--csv", "Print the history as CSV (RFC 4180), ready for a spreadsheet (with --json: as"
            + " data.csv).");

    HistoryCommand(CavosCommand root) {
        super("history", "The wallet's history, newest first: token transfers in and out (fees too), the session's events, and the"
                + " transactions", "sent from this computer with their status. Read from the chain back to the session's registration.");
        this.root = root;
    }

    @Override
    public CommandResult call() {
        int limit = this.limit.value();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new WalletError(WalletError.Code.INVALID_ARGUMENT, "--limit must be a whole number from 1 to " + MAX_LIMIT + ", not "
                    + limit + ".", "e.g. --limit 50");
        }
        WalletService wallet = root.wallet();
        List<ActivityEntry> entries = new ArrayList<>();
        Optional<ActivityCursor> next = Optional.empty();
        long scannedFrom = -1;
        long scannedTo = -1;
        int pages = 0;
        do {
            ActivityPage page = wallet.activity(next, limit - entries.size());
            entries.addAll(page.entries());
            next = page.next();
            scannedFrom = scannedFrom < 0 ? page.scannedFrom() : scannedFrom;
            scannedTo = page.scannedTo();
            pages++;
        } while (next.isPresent() && entries.size() < limit && pages < MAX_PAGES);
        if (csv.value()) {
            return new HistoryCsv(ActivityExport.csv(entries));
        }
        return new HistoryResult(wallet.token().walletAddress(), wallet.network().name(), scannedFrom, scannedTo, next.isPresent(),
                entries.stream().map(HistoryResult.Entry::of).toList());
    }
}
