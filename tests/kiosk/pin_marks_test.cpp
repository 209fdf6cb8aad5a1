// Workshop pins over the 3D view (ui/pin_marks.h): where their heads land, at
// what scale, which one a tap takes, and how a hidden one is drawn. ImGui
// builds the draw list without a GL context; the test reads its vertices.
#include <gtest/gtest.h>

#include <imgui.h>

#include <glm/gtc/matrix_transform.hpp>

#include "ui/pin_marks.h"

using namespace friche::ui;

namespace {

constexpr glm::vec2 kOrigin{100.0f, 50.0f};
constexpr glm::vec2 kViewport{800.0f, 600.0f};

// From (0, 0, 10) towards the origin, which lands in the middle of the view.
PinMarkView view(float scale = 1.0f) {
    const glm::mat4 projection = glm::perspective(0.8f, kViewport.x / kViewport.y, 0.1f, 100.0f);
    const glm::mat4 look = glm::lookAt(glm::vec3(0, 0, 10), glm::vec3(0), glm::vec3(0, 1, 0));
    return {projection * look, kOrigin, kViewport, scale};
}

PinMark mark(glm::vec3 anchor, const std::string& label = "7") {
    return {anchor, 0xFF00FF, label};
}

}  // namespace

TEST(PinMarks, HeadStandsAboveItsAnchorAtTheScale) {
    const auto one = placePinMarks({mark({0, 0, 0})}, view());
    ASSERT_EQ(one.size(), 1u);
    EXPECT_NEAR(one[0].anchor.x, kOrigin.x + kViewport.x / 2, 0.01f);
    EXPECT_NEAR(one[0].anchor.y, kOrigin.y + kViewport.y / 2, 0.01f);
    EXPECT_EQ(one[0].head.x, one[0].anchor.x);
    EXPECT_LT(one[0].head.y, one[0].anchor.y - one[0].halfSize.y);
    const auto twice = placePinMarks({mark({0, 0, 0})}, view(2.0f));
    EXPECT_FLOAT_EQ(twice[0].halfSize.x, one[0].halfSize.x * 2);
    EXPECT_FLOAT_EQ(one[0].anchor.y - twice[0].head.y, 2 * (one[0].anchor.y - one[0].head.y));
    // Two digits fit the round head; three stretch it.
    EXPECT_EQ(one[0].halfSize.x, one[0].halfSize.y);
    EXPECT_GT(placePinMarks({mark({0, 0, 0}, "123")}, view())[0].halfSize.x, one[0].halfSize.x);
}

TEST(PinMarks, BehindTheCameraOrOffTheViewIsNotDrawn) {
    EXPECT_TRUE(placePinMarks({mark({0, 0, 20})}, view()).empty());
    EXPECT_TRUE(placePinMarks({mark({50, 0, 0})}, view()).empty());
}

TEST(PinMarks, ATapTakesTheNearestHeadUnderIt) {
    const std::vector<PinMark> marks = {mark({0, 0, 0}), mark({0, 0, 2}), mark({3, 0, 0})};
    const auto places = placePinMarks(marks, view());
    ASSERT_EQ(places.size(), 3u);
    // Far to near: the nearest is drawn last, over the others.
    EXPECT_EQ(places.back().index, 1);
    const glm::vec2 head = placePinMarks({marks[0]}, view())[0].head;
    EXPECT_EQ(pinMarkAt(marks, view(), head), 1);  // both heads are there: the nearer one
    EXPECT_EQ(pinMarkAt({marks[0]}, view(), head + glm::vec2(14.0f, 0.0f)), 0);  // the margin
    EXPECT_EQ(pinMarkAt({marks[0]}, view(), head + glm::vec2(0.0f, 40.0f)), -1);
    EXPECT_EQ(pinMarkAt(marks, view(), placePinMarks({marks[2]}, view())[0].head), 2);
}

TEST(PinMarks, AHiddenPinIsDimmed) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1000, 700);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    const auto maxAlpha = [&](bool hidden) {
        ImGui::NewFrame();
        PinMark m = mark({0, 0, 0});
        m.hidden = hidden;
        ImDrawList& list = *ImGui::GetBackgroundDrawList();
        drawPinMarks(list, {m}, view());
        unsigned alpha = 0;
        for (const ImDrawVert& v : list.VtxBuffer)
            alpha = std::max(alpha, (v.col >> IM_COL32_A_SHIFT) & 0xFF);
        EXPECT_GT(list.VtxBuffer.Size, 0);
        ImGui::EndFrame();
        return alpha;
    };
    EXPECT_EQ(maxAlpha(false), 255u);
    EXPECT_LT(maxAlpha(true), 128u);
    ImGui::DestroyContext();
}
