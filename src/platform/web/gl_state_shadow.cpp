// The GL state shadow (gl_state_shadow.h): setters record and forward, queries of recorded state are answered
// from memory, anything else is asked of WebGL. Starts from WebGL's documented initial state; the viewport and
// scissor box (the canvas size at context creation) are asked once.
#define PG_GL_STATE_SHADOW_IMPL
#include "gl_state_shadow.h"

#include <algorithm>

namespace {

constexpr int kUnits = 32;  // texture units tracked (the backend uses unit 0)

struct Shadow {
    GLenum activeTexture = GL_TEXTURE0;
    GLuint program = 0;
    GLuint texture2d[kUnits] = {};
    GLuint sampler[kUnits] = {};
    GLuint arrayBuffer = 0;
    GLuint vertexArray = 0;
    GLint viewport[4] = {};
    GLint scissor[4] = {};
    bool viewportKnown = false, scissorKnown = false;
    GLenum blendSrcRgb = GL_ONE, blendDstRgb = GL_ZERO, blendSrcAlpha = GL_ONE, blendDstAlpha = GL_ZERO;
    GLenum blendEqRgb = GL_FUNC_ADD, blendEqAlpha = GL_FUNC_ADD;
    bool blend = false, cullFace = false, depthTest = false, stencilTest = false, scissorTest = false;
};

Shadow& shadow() {
    static Shadow s;
    return s;
}

int unit() {
    const int u = static_cast<int>(shadow().activeTexture) - GL_TEXTURE0;
    return std::clamp(u, 0, kUnits - 1);
}

bool* capability(GLenum cap) {
    Shadow& s = shadow();
    switch (cap) {
    case GL_BLEND: return &s.blend;
    case GL_CULL_FACE: return &s.cullFace;
    case GL_DEPTH_TEST: return &s.depthTest;
    case GL_STENCIL_TEST: return &s.stencilTest;
    case GL_SCISSOR_TEST: return &s.scissorTest;
    default: return nullptr;
    }
}

/// A viewport or scissor box query: asked of WebGL once (the canvas size at context creation), then remembered.
void answerBox(GLenum pname, GLint (&box)[4], bool& known, GLint* data) {
    if (!known) glGetIntegerv(pname, box);
    known = true;
    std::copy(box, box + 4, data);
}

void rememberBox(GLint (&box)[4], bool& known, GLint x, GLint y, GLsizei width, GLsizei height) {
    box[0] = x;
    box[1] = y;
    box[2] = width;
    box[3] = height;
    known = true;
}

}  // namespace

extern "C" {

void pg_glGetIntegerv(GLenum pname, GLint* data) {
    Shadow& s = shadow();
    switch (pname) {
    case GL_ACTIVE_TEXTURE: *data = static_cast<GLint>(s.activeTexture); return;
    case GL_CURRENT_PROGRAM: *data = static_cast<GLint>(s.program); return;
    case GL_TEXTURE_BINDING_2D: *data = static_cast<GLint>(s.texture2d[unit()]); return;
    case GL_SAMPLER_BINDING: *data = static_cast<GLint>(s.sampler[unit()]); return;
    case GL_ARRAY_BUFFER_BINDING: *data = static_cast<GLint>(s.arrayBuffer); return;
    case GL_VERTEX_ARRAY_BINDING: *data = static_cast<GLint>(s.vertexArray); return;
    case GL_BLEND_SRC_RGB: *data = static_cast<GLint>(s.blendSrcRgb); return;
    case GL_BLEND_DST_RGB: *data = static_cast<GLint>(s.blendDstRgb); return;
    case GL_BLEND_SRC_ALPHA: *data = static_cast<GLint>(s.blendSrcAlpha); return;
    case GL_BLEND_DST_ALPHA: *data = static_cast<GLint>(s.blendDstAlpha); return;
    case GL_BLEND_EQUATION_RGB: *data = static_cast<GLint>(s.blendEqRgb); return;
    case GL_BLEND_EQUATION_ALPHA: *data = static_cast<GLint>(s.blendEqAlpha); return;
    case GL_VIEWPORT: answerBox(GL_VIEWPORT, s.viewport, s.viewportKnown, data); return;
    case GL_SCISSOR_BOX: answerBox(GL_SCISSOR_BOX, s.scissor, s.scissorKnown, data); return;
    default: glGetIntegerv(pname, data); return;
    }
}

GLboolean pg_glIsEnabled(GLenum cap) {
    const bool* known = capability(cap);
    if (!known) return glIsEnabled(cap);
    return *known ? GL_TRUE : GL_FALSE;
}

void pg_glEnable(GLenum cap) {
    if (bool* known = capability(cap)) *known = true;
    glEnable(cap);
}

void pg_glDisable(GLenum cap) {
    if (bool* known = capability(cap)) *known = false;
    glDisable(cap);
}

void pg_glActiveTexture(GLenum texture) {
    shadow().activeTexture = texture;
    glActiveTexture(texture);
}

void pg_glUseProgram(GLuint program) {
    shadow().program = program;
    glUseProgram(program);
}

void pg_glBindTexture(GLenum target, GLuint texture) {
    if (target == GL_TEXTURE_2D) shadow().texture2d[unit()] = texture;
    glBindTexture(target, texture);
}

void pg_glBindSampler(GLuint unitIndex, GLuint sampler) {
    if (unitIndex < static_cast<GLuint>(kUnits)) shadow().sampler[unitIndex] = sampler;
    glBindSampler(unitIndex, sampler);
}

void pg_glBindBuffer(GLenum target, GLuint buffer) {
    if (target == GL_ARRAY_BUFFER) shadow().arrayBuffer = buffer;
    glBindBuffer(target, buffer);
}

void pg_glBindVertexArray(GLuint array) {
    shadow().vertexArray = array;
    glBindVertexArray(array);
}

void pg_glDeleteVertexArrays(GLsizei n, const GLuint* arrays) {
    // Deleting the bound vertex array object binds the default one (GL ES 3.0 section 2.10).
    for (GLsizei i = 0; i < n; ++i)
        if (arrays[i] == shadow().vertexArray) shadow().vertexArray = 0;
    glDeleteVertexArrays(n, arrays);
}

void pg_glViewport(GLint x, GLint y, GLsizei width, GLsizei height) {
    rememberBox(shadow().viewport, shadow().viewportKnown, x, y, width, height);
    glViewport(x, y, width, height);
}

void pg_glScissor(GLint x, GLint y, GLsizei width, GLsizei height) {
    rememberBox(shadow().scissor, shadow().scissorKnown, x, y, width, height);
    glScissor(x, y, width, height);
}

void pg_glBlendEquation(GLenum mode) {
    shadow().blendEqRgb = shadow().blendEqAlpha = mode;
    glBlendEquation(mode);
}

void pg_glBlendEquationSeparate(GLenum modeRGB, GLenum modeAlpha) {
    shadow().blendEqRgb = modeRGB;
    shadow().blendEqAlpha = modeAlpha;
    glBlendEquationSeparate(modeRGB, modeAlpha);
}

void pg_glBlendFuncSeparate(GLenum srcRGB, GLenum dstRGB, GLenum srcAlpha, GLenum dstAlpha) {
    Shadow& s = shadow();
    s.blendSrcRgb = srcRGB;
    s.blendDstRgb = dstRGB;
    s.blendSrcAlpha = srcAlpha;
    s.blendDstAlpha = dstAlpha;
    glBlendFuncSeparate(srcRGB, dstRGB, srcAlpha, dstAlpha);
}

}  // extern "C"
