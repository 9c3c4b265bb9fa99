"""One reader per file format; each turns a file into plain text lines.

``loaders.readers.read_text`` checks the file and picks the reader by suffix;
the readers here only open, decode and lay out the content.
"""
