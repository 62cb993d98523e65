package xyz.cavos.wallet.ui.transfer;

import java.util.ArrayList;
import java.util.List;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.ui.Format;
import xyz.cavos.wallet.wallet.FeePayment;
import xyz.cavos.wallet.wallet.WalletService;

/** What a transfer sends: the form as it was read, for the session it was read in, and who pays its fee. */
record TransferRequest(WalletService wallet, Token token, Felt recipient, U256 amount, FeePayment payment) {

    List<Call> calls() {
        List<Felt> data = new ArrayList<>(List.of(recipient));
        data.addAll(amount.toCalldata());
        return List.of(Call.of(token.address(), "transfer", data));
    }

    /** "1,500.25 STRK": every digit, as it will be sent. */
    String amountText() {
        return Format.exact(amount, token.decimals(), token.symbol());
    }
}
