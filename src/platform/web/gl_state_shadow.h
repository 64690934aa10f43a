/* GL state shadow for Dear ImGui's OpenGL3 backend (issue 7, UI frame time).
 *
 * The backend saves and restores about 20 pieces of GL state around every frame (glGetIntegerv, glIsEnabled).
 * In WebGL each query is a synchronous getParameter call: 2 ms a frame at the median, 5 ms at p95, under
 * headless Chromium's software GL on this machine. This page has one renderer, so the backend's state calls go
 * through a shadow that remembers what was set and answers the queries from memory; every setter still reaches
 * WebGL unchanged, so what is drawn does not depend on the shadow (the backend sets all the state it draws with
 * before drawing).
 *
 * Force-included into imgui_impl_opengl3.cpp only (cmake/web_app.cmake), and included by main_web.cpp for its
 * glViewport. Plain C declarations: the backend is compiled from the Debian source, unmodified.
 */
#ifndef PG_GL_STATE_SHADOW_H
#define PG_GL_STATE_SHADOW_H
#include <GLES3/gl3.h>

#ifdef __cplusplus
extern "C" {
#endif
void pg_glGetIntegerv(GLenum pname, GLint* data);
GLboolean pg_glIsEnabled(GLenum cap);
void pg_glEnable(GLenum cap);
void pg_glDisable(GLenum cap);
void pg_glActiveTexture(GLenum texture);
void pg_glUseProgram(GLuint program);
void pg_glBindTexture(GLenum target, GLuint texture);
void pg_glBindSampler(GLuint unit, GLuint sampler);
void pg_glBindBuffer(GLenum target, GLuint buffer);
void pg_glBindVertexArray(GLuint array);
void pg_glDeleteVertexArrays(GLsizei n, const GLuint* arrays);
void pg_glViewport(GLint x, GLint y, GLsizei width, GLsizei height);
void pg_glScissor(GLint x, GLint y, GLsizei width, GLsizei height);
void pg_glBlendEquation(GLenum mode);
void pg_glBlendEquationSeparate(GLenum modeRGB, GLenum modeAlpha);
void pg_glBlendFuncSeparate(GLenum srcRGB, GLenum dstRGB, GLenum srcAlpha, GLenum dstAlpha);
#ifdef __cplusplus
}
#endif

#ifndef PG_GL_STATE_SHADOW_IMPL
#define glGetIntegerv pg_glGetIntegerv
#define glIsEnabled pg_glIsEnabled
#define glEnable pg_glEnable
#define glDisable pg_glDisable
#define glActiveTexture pg_glActiveTexture
#define glUseProgram pg_glUseProgram
#define glBindTexture pg_glBindTexture
#define glBindSampler pg_glBindSampler
#define glBindBuffer pg_glBindBuffer
#define glBindVertexArray pg_glBindVertexArray
#define glDeleteVertexArrays pg_glDeleteVertexArrays
#define glViewport pg_glViewport
#define glScissor pg_glScissor
#define glBlendEquation pg_glBlendEquation
#define glBlendEquationSeparate pg_glBlendEquationSeparate
#define glBlendFuncSeparate pg_glBlendFuncSeparate
#endif

#endif
