// The kiosk operator's PIN: what the config holds, what unlocks, what a
// mistyped config line says.
#include <gtest/gtest.h>

#include <string>

#include "core/pin.h"

using namespace friche::core;

namespace {

// Few iterations: these tests are about the format, not the cost.
PinHash quickHash(std::string_view pin) {
    return hashPin(pin, randomSalt(), 10);
}

std::string parseError(std::string_view text) {
    std::string error;
    EXPECT_FALSE(parsePinHash(text, error)) << text;
    return error;
}

}  // namespace

TEST(Pin, ValidPinsAreFourToTwelveDigits) {
    EXPECT_TRUE(validPin("0000"));
    EXPECT_TRUE(validPin("123456789012"));
    EXPECT_FALSE(validPin("123"));
    EXPECT_FALSE(validPin("1234567890123"));
    EXPECT_FALSE(validPin("12a4"));
    EXPECT_FALSE(validPin(" 1234"));
    EXPECT_FALSE(validPin(""));
}

TEST(Pin, RoundTripThroughTheConfigLine) {
    const PinHash made = quickHash("2718");
    const std::string line = formatPinHash(made);
    EXPECT_EQ(line.rfind("pbkdf2-sha256$10$", 0), 0u) << line;
    std::string error;
    const std::optional<PinHash> read = parsePinHash(line, error);
    ASSERT_TRUE(read) << error;
    EXPECT_EQ(read->iterations, 10u);
    EXPECT_EQ(read->salt, made.salt);
    EXPECT_EQ(read->hash, made.hash);
    EXPECT_TRUE(verifyPin("2718", *read));
    EXPECT_EQ(formatPinHash(*read), line);
}

TEST(Pin, WrongPinFails) {
    const PinHash h = quickHash("2718");
    EXPECT_FALSE(verifyPin("2719", h));
    EXPECT_FALSE(verifyPin("27180", h));
    EXPECT_FALSE(verifyPin("", h));
}

TEST(Pin, TheHashIsPbkdf2Sha256) {
    // The published vector: "password", salt "salt", 4096 iterations.
    EXPECT_EQ(formatPinHash(hashPin("password", {'s', 'a', 'l', 't'}, 4096)),
              "pbkdf2-sha256$4096$73616c74$"
              "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

TEST(Pin, SaltsDiffer) {
    EXPECT_NE(randomSalt(), randomSalt());
}

TEST(Pin, ParseErrorsSayWhatIsWrong) {
    const std::string salt = "00112233445566778899aabbccddeeff";
    const std::string hash(64, 'a');
    EXPECT_NE(parseError("1234").find("four fields"), std::string::npos);
    EXPECT_NE(parseError("bcrypt$10$" + salt + "$" + hash).find("scheme is 'bcrypt'"),
              std::string::npos);
    for (const char* iterations : {"0", "10000001", "99999999999", "-5", "1e6", ""}) {
        EXPECT_NE(parseError(std::string("pbkdf2-sha256$") + iterations + "$" + salt + "$" + hash)
                      .find("iteration count"),
                  std::string::npos)
            << iterations;
    }
    EXPECT_NE(parseError("pbkdf2-sha256$10$xy" + salt + "$" + hash).find("salt is not hex"),
              std::string::npos);
    EXPECT_NE(parseError("pbkdf2-sha256$10$abc$" + hash).find("salt is not hex"),
              std::string::npos);
    EXPECT_NE(parseError("pbkdf2-sha256$10$73616c74$" + hash).find("salt is 4 bytes"),
              std::string::npos);
    EXPECT_NE(parseError("pbkdf2-sha256$10$" + salt + "$" + hash + "g").find("not hex"),
              std::string::npos);
    EXPECT_NE(parseError("pbkdf2-sha256$10$" + salt + "$abcd").find("2 bytes, expected 32"),
              std::string::npos);
    EXPECT_NE(parseError("pbkdf2-sha256$10$" + salt + "$" + hash + "$").find("four fields"),
              std::string::npos);

    std::string error;
    EXPECT_TRUE(parsePinHash("pbkdf2-sha256$10000000$" + salt + "$" + hash, error)) << error;
}
