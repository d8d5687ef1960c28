import { describe, expect, it } from 'vitest';
import { fileNameOf, nameOfFile } from './download';

describe('file names of exported labs', () => {
  it('keep the lab’s name, minus what file systems refuse', () => {
    expect(fileNameOf('Lesson 1: ARP')).toBe('Lesson 1- ARP.json');
    expect(fileNameOf('Учебный стенд')).toBe('Учебный стенд.json');
    expect(fileNameOf('a/b\\c*?"<>|d')).toBe('a-b-c-d.json');
    expect(fileNameOf('  ')).toBe('lab.json');
    expect(fileNameOf('x'.repeat(300))).toHaveLength(125);
  });

  it('an imported file names its lab without the extension', () => {
    expect(nameOfFile('Lesson 1.json')).toBe('Lesson 1');
    expect(nameOfFile('lab.v2.json')).toBe('lab.v2');
    expect(nameOfFile('README')).toBe('README');
  });
});
