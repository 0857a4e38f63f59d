import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foreignLanguageOf } from '../../src/core/languages.js';
import { evalSetSchema } from '../../src/knowledge/evaluate.js';

const projectQuestions = (): string[] =>
  ['tuning', 'test'].flatMap((half) => {
    const set = evalSetSchema.parse(JSON.parse(readFileSync(new URL(`../fixtures/eval/${half}.json`, import.meta.url), 'utf8')));
    return [...set.answerable, ...set.unanswerable].flatMap((item) => [item.question, ...(item.previous === undefined ? [] : [item.previous])]);
  });

describe('telling a question in another language from an English one', () => {
  it.each([
    ['¿qué es una ciudad del aprendizaje?', 'Spanish'],
    ['que es una ciudad del aprendizaje', 'Spanish'],
    ["Qu'est-ce qu'une ville apprenante ?", 'French'],
    ['Comment mesurer les progrès de notre ville?', 'French'],
    ['Was ist eine lernende Stadt?', 'German'],
    ['Wie viele Städte sind im Netzwerk?', 'German'],
    ['O que é uma cidade de aprendizagem?', 'Portuguese'],
    ["Che cos'è una città dell'apprendimento?", 'Italian'],
    ['Wat is een lerende stad?', 'Dutch'],
    ['Was sind lernende Städte in Deutschland?', 'German'],
    ['Was ist Bildung in der Stadt?', 'German'],
    ['Quais são as cidades do Brasil na rede?', 'Portuguese'],
    ['¿Cómo puede mi ciudad unirse a la red?', 'Spanish'],
    ['Quelles sont les villes apprenantes en France ?', 'French'],
    ['Welche Städte gehören zum Netzwerk?', 'German'],
  ])('%s → %s', (question, language) => {
    expect(foreignLanguageOf(question)).toBe(language);
  });

  it('does not take names, borrowed words or one foreign word for another language', () => {
    for (const question of [
      'Los Angeles learning city?',
      'What do the Educating Cities say about Barcelona and Rio de Janeiro?',
      'dos and donts for a learning festival',
      'is Como a learning city?',
      'ciudad',
      'what does Le Monde say about Lyon?',
      'Is Die Zeit a source?',
      'Los Angeles and Las Vegas?',
      'Des Moines and Les Ulis',
      'any comment on learning cities?',
      // English naming something foreign.
      'What is a Lernende Stadt?',
      'What are città che apprendono?',
      'São Paulo or São José?',
      'What did Como and Una do?',
      'Is there anything on ciudades del aprendizaje para todos?',
      'What is Lernen vor Ort und Bildung?',
      '',
    ]) {
      expect(foreignLanguageOf(question), question).toBeUndefined();
    }
  });

  it('takes none of the project’s 280 evaluation questions (and the questions before its follow-ups) for another language', () => {
    const questions = projectQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(280);
    expect(questions.filter((question) => foreignLanguageOf(question) !== undefined)).toEqual([]);
  });
});
