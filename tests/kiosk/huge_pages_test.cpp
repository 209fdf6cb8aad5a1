// When the program starts itself again with malloc's huge pages
// (app/huge_pages.h): the tunables it starts with, the operator's kept.
#include <gtest/gtest.h>

#include "app/huge_pages.h"

using friche::app::HugePageAsk;
using friche::app::hugePageTunables;

TEST(HugePages, AskedOnceKeepingTheOperatorsTunables) {
    const HugePageAsk plain{.kernelHasThem = true};
    EXPECT_EQ(hugePageTunables(plain), "glibc.malloc.hugetlb=1");
    HugePageAsk theirs = plain;
    theirs.tunables = "glibc.malloc.check=3";
    EXPECT_EQ(hugePageTunables(theirs), "glibc.malloc.check=3:glibc.malloc.hugetlb=1");
    theirs.tunables = "";
    EXPECT_EQ(hugePageTunables(theirs), "glibc.malloc.hugetlb=1");
}

TEST(HugePages, NotAskedWhereSetAlreadyUnwantedOrNotToBeHad) {
    const HugePageAsk plain{.kernelHasThem = true};
    HugePageAsk started = plain;
    started.tunables = "glibc.malloc.hugetlb=1";  // the second start: no third
    EXPECT_FALSE(hugePageTunables(started));
    started.tunables = "glibc.malloc.check=3:glibc.malloc.hugetlb=0";  // the operator's no
    EXPECT_FALSE(hugePageTunables(started));
    HugePageAsk unwanted = plain;
    unwanted.wanted = "0";
    EXPECT_FALSE(hugePageTunables(unwanted));
    unwanted.wanted = "1";
    EXPECT_TRUE(hugePageTunables(unwanted));
    HugePageAsk never = plain;
    never.kernelHasThem = false;
    EXPECT_FALSE(hugePageTunables(never));
    HugePageAsk sanitized = plain;
    sanitized.mallocIsGlibcs = false;
    EXPECT_FALSE(hugePageTunables(sanitized));
    HugePageAsk kiosk = plain;
    kiosk.kiosk = true;  // weeks of uptime: memory given back page by page
    EXPECT_FALSE(hugePageTunables(kiosk));
}
