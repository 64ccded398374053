import { describe, expect, it } from 'vitest';
import { documentIdOfHref, linkedDocumentIds, summaryOf } from './documentLinks.js';

const link = (href: string, text = 'see') => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});

describe('links between documents', () => {
  it('are the app URLs of a document or of its published view, on any host', () => {
    expect(documentIdOfHref('https://polisee.example.org/documents/abc-123')).toBe('abc-123');
    expect(documentIdOfHref('http://localhost:5173/documents/abc-123/history?x=1')).toBe('abc-123');
    expect(documentIdOfHref('https://polisee.example.org/knowledge/abc-123#top')).toBe('abc-123');
    for (const other of [
      'https://ec.europa.eu/documents',
      'https://polisee.example.org/workshops/abc',
      'mailto:someone@example.org',
      'not a url',
      'https://polisee.example.org/documents/',
    ]) {
      expect(documentIdOfHref(other), other).toBeNull();
    }
  });

  it('are collected from link marks anywhere in the content, each target once', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [link('https://a.example/documents/d1')] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [
                    {
                      type: 'paragraph',
                      content: [
                        link('https://a.example/knowledge/d2'),
                        link('https://a.example/documents/d1'),
                        { type: 'text', text: 'https://a.example/documents/d3' },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(linkedDocumentIds(json)).toEqual(['d1', 'd2']);
  });
});

describe('the summary of an entry', () => {
  it('is its first paragraph with text, cut at a word when long', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph' },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Vouchers   for ' }, link('x', 'SMEs')],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second' }] },
      ],
    };
    expect(summaryOf(json)).toBe('Vouchers for SMEs');
    const long = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'word '.repeat(100) }] }],
    };
    const summary = summaryOf(long);
    expect(summary.length).toBeLessThanOrEqual(301);
    expect(summary).toMatch(/word…$/);
    expect(summaryOf({ type: 'doc', content: [] })).toBe('');
  });
});
