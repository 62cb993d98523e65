package xyz.cavos.wallet.ui.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.Confirmations.Detail;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.RecipientWarning;

/**
 * A finished review: the request it was made for, its fee, what the spending limit keeps after it, the recipient's
 * name in the address book, what the recipient checks found (no contract there, a look-alike of a known address), and
 * who pays the fee: in a token, at most the fee the sheet showed, so a paymaster asking more when it is sent is refused.
 */
record TransferReview(TransferRequest request, String fee, String limitAfter, Optional<String> recipientName,
        List<RecipientWarning> warnings, FeePayment payment) {

    TransferReview {
        warnings = List.copyOf(warnings);
    }

    /** What the review sheet shows, one detail a line, all of it from the reviewed request. */
    List<Detail> details() {
        List<Detail> details = new ArrayList<>();
        details.add(Detail.amount("Amount", request.amountText()));
        if (xyz.cavos.wallet.cavos.Token.byAddress(request.token().address()).isEmpty()) {
            // not one of the built-in four: its symbol is only what its contract says, so the contract itself is shown
            details.add(Detail.address("Token contract", Format.groupedAddress(request.token().address())));
        }
        recipientName.ifPresent(name -> details.add(Detail.plain("Recipient", name)));
        details.add(Detail.address("To", Format.groupedAddress(request.recipient())));
        details.add(Detail.address("From", Format.groupedAddress(request.wallet().token().walletAddress())));
        details.add(Detail.plain("Network", request.wallet().network().name()));
        details.add(Detail.plain("Fee", fee));
        if (!(payment instanceof FeePayment.Self)) {
            details.add(Detail.plain("Paymaster", switch (payment) {
                case FeePayment.Sponsored s -> s.paymaster().forDisplay();
                case FeePayment.InToken t -> t.paymaster().forDisplay();
                case FeePayment.Self s -> "";
            }));
        }
        details.add(Detail.plain("Limit after", limitAfter));
        warnings.forEach(w -> details.add(Detail.plain("Warning", w.message())));
        return details;
    }

    /** A look-alike of a known address: the sheet warns in red and its button says what it does. */
    boolean lookalike() {
        return warnings.stream().anyMatch(w -> w.kind() == RecipientWarning.Kind.LOOKALIKE);
    }

    Confirmations.Question question() {
        return lookalike()
                ? new Confirmations.Question("Review transfer", "This address looks like one you know. Send " + request.amountText() + " anyway?",
                        "Addresses made to look like ones you sent to are a common trick. Compare every group with the address you "
                                + "were given; if in doubt, cancel.", "Send anyway", "confirm-send", true, details())
                : new Confirmations.Question("Review transfer", "Send " + request.amountText() + "?",
                        "Check the address against the one you were given, group by group. Once sent, a transfer cannot be undone.",
                        "Send", "confirm-send", false, details());
    }
}
