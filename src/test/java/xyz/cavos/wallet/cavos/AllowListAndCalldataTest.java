package xyz.cavos.wallet.cavos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Call;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Poseidon;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.U256;

class AllowListAndCalldataTest {

    @Test
    void aSingleContractIsItsOwnRootWithAnEmptyProof() {
        AllowList list = AllowList.of(List.of(Token.STRK.address()));
        assertEquals(Poseidon.hashMany(Token.STRK.address()), list.root());
        assertEquals(List.of(), list.proof(Token.STRK.address()));
        assertTrue(AllowList.verify(list.root(), Token.STRK.address(), List.of()));
    }

    @Test
    void everyMemberProvesAndOutsidersDoNot() {
        for (int size = 1; size <= 9; size++) {
            List<Felt> contracts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                contracts.add(Felt.of(1000 + 7L * i));
            }
            AllowList list = AllowList.of(contracts);
            for (Felt contract : contracts) {
                assertTrue(AllowList.verify(list.root(), contract, list.proof(contract)), size + " contracts, " + contract);
            }
            assertEquals(List.of(), list.proof(Felt.of(5)));
            assertFalse(AllowList.verify(list.root(), Felt.of(5), list.proof(contracts.getFirst())));
        }
        assertEquals(Felt.ZERO, AllowList.of(List.of()).root(), "no list, no restriction");
    }

    @Test
    void theRootDoesNotDependOnOrderOrSpelling() {
        Felt a = Felt.parse("0x04718f5a0Fc34cC1AF16A1cdee98fFB20C31f5cD61D6Ab07201858f4287c938D");
        assertEquals(AllowList.of(List.of(a, Token.ETH.address(), Token.USDC.address())).root(),
                AllowList.of(List.of(Token.USDC.address(), Token.ETH.address(), Token.STRK.address())).root());
    }

    @Test
    void sessionSignaturesCarryOneProofGroupPerCall() {
        SessionToken token = SessionTokenTest.sample();
        Call transfer = Call.of(Token.STRK.address(), "transfer", List.of(Felt.ONE, Felt.of(5), Felt.ZERO));
        Call revoke = CavosAccount.revokeSession(token.walletAddress(), token.sessionPublicKey());
        Felt hash = Felt.of(42);
        List<Felt> felts = SessionSignature.sign(token, hash, List.of(transfer, revoke)).toFelts();
        assertEquals(SessionSignature.MAGIC, felts.get(0));
        assertEquals(token.sessionPublicKey(), felts.get(3));
        List<Felt> proof = token.effectivePolicy().allowList().proof(Token.STRK.address());
        assertEquals(Felt.of(proof.size()), felts.get(4));
        assertEquals(proof, felts.subList(5, 5 + proof.size()));
        assertEquals(Felt.ZERO, felts.get(5 + proof.size()), "a call to the account itself has an empty proof");
        assertEquals(6 + proof.size(), felts.size());
    }

    @Test
    void renewSessionCalldataFollowsTheAbiWithTheSpanLength() {
        var renewal = new CavosAccount.Renewal(Felt.of(11), Felt.of(12), Felt.of(13), Felt.of(14), Felt.of(15),
                100, 200, 300, Felt.of(16), 5,
                List.of(new SpendingLimit(Token.STRK.address(), U256.of(7)), new SpendingLimit(Token.ETH.address(), U256.of(8))));
        Call call = CavosAccount.renewSession(Felt.of(99), renewal);
        assertEquals(Selector.of("renew_session"), call.selector());
        assertEquals(List.of(Felt.of(11), Felt.of(12), Felt.of(13), Felt.of(14), Felt.of(15), Felt.of(100), Felt.of(200),
                Felt.of(300), Felt.of(16), Felt.of(5), Felt.of(2), Felt.of(6),
                Token.STRK.address(), Felt.of(7), Felt.ZERO, Token.ETH.address(), Felt.of(8), Felt.ZERO), call.calldata());
    }

    @Test
    void selectorsAndRevertStrings() {
        assertEquals(Felt.parse("0x30d476cfbfe0b3f46bf05c64f27d5a14609e79530cac31dfc649e95f36da937"), CavosAccount.RENEW_SESSION);
        assertEquals(Felt.parse("0x3fab092e963914fd624eedd965d67f571fea93cae38bbacb48be7db091be933"), CavosAccount.REVOKE_SESSION);
        assertEquals(Felt.parse("0x23989223f186a15ec17f4acabaa1a7d309043ff269ac7cd0e3afd809523da3e"), CavosAccount.EMERGENCY_REVOKE);
        assertEquals(Felt.parse("0x14e409152f6efef53161a0b59190b48b8bd2f4fce278fcdea0acab0e936c66d"), CavosAccount.GET_SESSION_SPENDING);
        assertEquals(Felt.parse("0x3738f33693f5ab1f9bcc240ce0bb23fdb0cd879f9e76ae01cbbd6ef1b359105"), CavosAccount.SESSION_REVOKED);
        assertEquals(Felt.parse("0x12cc17502c37889a0b023d666d29afb3b96b5e5e6bf1304581462bbf4c61d8b"), CavosAccount.ALL_SESSIONS_REVOKED);
        assertEquals(Felt.parse("0x1dcde06aabdbca2f80aa51392b345d7549d7757aa855f7e37f5d335ac8243b1"), CavosAccount.TRANSACTION_EXECUTED);
        assertEquals(Optional.of(RevertReason.ONLY_SELF_REVOKE_SESSIONS), RevertReason.find("x ('Only self can revoke sessions')"));
        assertEquals(Optional.of(RevertReason.SPENDING_LIMIT_EXCEEDED),
                RevertReason.find("Error in the called contract: 0x5370656e64696e67 ('Spending limit exceeded')"));
        assertEquals(Optional.empty(), RevertReason.find("something else"));
        assertEquals(Optional.of(Token.USDC), Token.bySymbol("usdc"));
        assertEquals(6, Token.USDT.decimals());
    }
}
