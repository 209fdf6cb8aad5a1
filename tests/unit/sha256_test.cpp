// SHA-256, HMAC-SHA256 and PBKDF2-HMAC-SHA256 against the published vectors:
// FIPS 180-4's examples, RFC 4231 and RFC 7914 §11.
#include <gtest/gtest.h>

#include <string>

#include "core/sha256.h"

using friche::core::equalInConstantTime;
using friche::core::fromHex;
using friche::core::hmacSha256;
using friche::core::pbkdf2Sha256;
using friche::core::Sha256;
using friche::core::sha256;
using friche::core::toHex;

TEST(Sha256, NistExamples) {
    EXPECT_EQ(toHex(sha256("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(toHex(sha256("")),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // 448 bits: the padding no longer fits in the message's own block.
    EXPECT_EQ(toHex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, OneMillionAInPiecesOfEverySize) {
    const std::string a(1000000, 'a');
    EXPECT_EQ(toHex(sha256(a)), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Uneven pieces cross the 64-byte blocks at every offset.
    Sha256 hash;
    std::size_t done = 0;
    for (std::size_t piece = 1; done < a.size(); piece = piece % 131 + 1) {
        const std::size_t take = std::min(piece, a.size() - done);
        hash.update(std::string_view(a).substr(done, take));
        done += take;
    }
    EXPECT_EQ(toHex(hash.finish()),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(HmacSha256, Rfc4231) {
    const std::string key1(20, '\x0b');
    EXPECT_EQ(toHex(hmacSha256(key1, "Hi There")),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    EXPECT_EQ(toHex(hmacSha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a key longer than a block is hashed first.
    const std::string key6(131, '\xaa');
    EXPECT_EQ(toHex(hmacSha256(key6, "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Pbkdf2Sha256, PublishedVectors) {
    EXPECT_EQ(toHex(pbkdf2Sha256("password", "salt", 1, 32)),
              "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
    EXPECT_EQ(toHex(pbkdf2Sha256("password", "salt", 4096, 32)),
              "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
    // 40 bytes: a second block, cut short.
    EXPECT_EQ(toHex(pbkdf2Sha256("passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt",
                                 4096, 40)),
              "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
}

TEST(Hex, RoundTripAndRejects) {
    const auto bytes = fromHex("00ff7Fa0");
    ASSERT_TRUE(bytes);
    EXPECT_EQ(toHex(*bytes), "00ff7fa0");
    EXPECT_FALSE(fromHex("abc"));  // odd length
    EXPECT_FALSE(fromHex("zz"));
    EXPECT_TRUE(fromHex("") && fromHex("")->empty());
}

TEST(EqualInConstantTime, ComparesEveryByte) {
    EXPECT_TRUE(equalInConstantTime("2468", "2468"));
    EXPECT_TRUE(equalInConstantTime("", ""));
    EXPECT_FALSE(equalInConstantTime("2468", "2469"));  // the last byte
    EXPECT_FALSE(equalInConstantTime("2468", "1468"));  // the first
    EXPECT_FALSE(equalInConstantTime("2468", "24680"));
}
